/**
 * Graphs over the community's GeoJSON utility networks: connectivity and valve isolation.
 */
export { buildNetworkGraph, components, isConnected, otherEnd, type GraphDevice, type GraphFeature, type GraphLink, type GraphNode, type GraphOptions, type NetworkGraph } from './networkGraph.ts';
export { isolateSegment, type Isolation } from './isolateSegment.ts';
