/** CUSTOM: a custom connector from AWS Glue Studio, its JAR in S3 (see ./connector.ts). */
import { checkS3Url } from './common';
import { connectorForm } from './connector';

export const customForm = connectorForm({
	type: 'CUSTOM',
	prefix: 'custom',
	urlPlaceholder: 'e.g. s3://my-bucket/connectors/my-connector.jar',
	urlDescription: 'The S3 URL of the connector JAR',
	checkConnectorUrl: checkS3Url,
});
