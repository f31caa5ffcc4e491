// A worker for the pool's tests: answers each request as it says, naming its thread so tests can
// tell a reused worker from a new one.
import { parentPort, threadId } from 'node:worker_threads';

const retained = [];

parentPort.on('message', (request) => {
  switch (request.kind) {
    case 'echo':
      for (let step = 1; step <= (request.steps ?? 0); step++) parentPort.postMessage({ kind: 'progress', step });
      parentPort.postMessage({ kind: 'done', threadId, value: request.value });
      break;
    case 'wait':
      parentPort.postMessage({ kind: 'progress', step: 0 });
      setTimeout(() => parentPort.postMessage({ kind: 'done', threadId }), request.ms);
      break;
    case 'hang':
      break;
    case 'exit':
      process.exit(request.code);
      break;
    case 'throw':
      throw new Error('the test worker threw');
    case 'grow':
      for (;;) retained.push(new Array(1_000_000).fill(retained.length));
  }
});
