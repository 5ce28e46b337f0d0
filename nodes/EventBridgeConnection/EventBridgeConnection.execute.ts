// The node's operation code: bundled apart from the node file (gulpfile.js) and loaded on the
// first execution or editor call (EventBridgeConnection.node.ts), not when n8n starts.
import { credentialTest } from '../shared/transport/credentialTest';
import { router } from './actions/router';
import { searchConnections } from './methods/listSearch';

export const execute = router;

export const methods = { listSearch: { searchConnections }, credentialTest };
