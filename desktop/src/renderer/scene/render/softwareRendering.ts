/**
 * Whether WebGL runs in software here (SwiftShader, llvmpipe: no GPU, as on servers and some
 * control-room PCs). Multisampling then multiplies the cost of every pixel, so the scene drops it.
 * Asked once, on a throwaway context.
 */
export function softwareRendering(): boolean {
  if (cached !== undefined) return cached;
  cached = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    cached = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // No WebGL at all: the canvas will say so itself.
  }
  return cached;
}

let cached: boolean | undefined;
