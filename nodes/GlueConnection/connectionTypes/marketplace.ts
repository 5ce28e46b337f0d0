/** MARKETPLACE: a connector subscribed to on AWS Marketplace (see ./connector.ts). */
import { checkHttpsOrS3Url, connectorForm } from './connector';

export const marketplaceForm = connectorForm({
	type: 'MARKETPLACE',
	prefix: 'marketplace',
	urlPlaceholder: 'e.g. https://709825985650.dkr.ecr.us-east-1.amazonaws.com/vendor/connector:1.0.0',
	urlDescription: 'The connector location AWS Marketplace gives for the subscription (https:// or s3://)',
	checkConnectorUrl: checkHttpsOrS3Url,
});
