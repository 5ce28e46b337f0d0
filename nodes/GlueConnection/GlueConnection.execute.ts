// The node's operation code: bundled apart from the node file (gulpfile.js) and loaded on the
// first execution or editor call (GlueConnection.node.ts), not when n8n starts.
import { credentialTest } from '../shared/transport/credentialTest';
import { router } from './actions/router';
import { getConnectionProperties, getConnectionTypes, getSecretConnectionProperties } from './methods/describedTypes';
import { searchConnections, searchConnectionTypes } from './methods/listSearch';

export const execute = router;

export const methods = {
	listSearch: { searchConnections, searchConnectionTypes },
	loadOptions: { getConnectionTypes, getSecretConnectionProperties },
	resourceMapping: { getConnectionProperties },
	credentialTest,
};
