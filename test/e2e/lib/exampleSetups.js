// What an example expects to exist in the account before it runs (a user has it already; the
// emulator starts empty), by example file name. Used by the generic example cases of run.js and by
// the example's own cases in cases/30-examples.js.
const EXAMPLE_API_KEY = 'example-rotated-key-v1';

/** Secrets of the copy example: the source's (never in any output) and the target's (read by reference). */
const COPY_SECRETS = {
	sourceApiKey: 'copy-source-api-key-5k2',
	sourceClientSecret: 'copy-source-client-secret-9q1',
	sourceSigning: 'copy-source-signing-3x7',
	targetApiKey: 'copy-target-api-key-8m4',
	targetClientSecret: 'copy-target-client-secret-2w6',
	targetSigning: 'copy-target-signing-6p0',
};

/** The subnet, security group and Availability Zone the partner fleet example gives each target. */
const PARTNER_NETWORK = (account, region) => {
	const id = `0${account[0]}${region === 'us-east-1' ? 'a' : 'b'}00000000000001`;
	return { SubnetId: `subnet-${id}`, SecurityGroupIdList: [`sg-${id}`], AvailabilityZone: `${region}a` };
};

module.exports = {
	EXAMPLE_API_KEY,
	PARTNER_NETWORK,
	COPY_SECRETS,
	// The fleet of team-sales: one connection as listed, one that differs, one no longer listed, one outside the scope.
	'glue-keep-equal-with-approval.json': async ({ aws }) => {
		const jdbc = (Name, database, Description = `${database} database (managed by n8n)`) => ({
			Name,
			Description,
			ConnectionType: 'JDBC',
			MatchCriteria: ['team-sales'],
			ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://${database}.internal.example.com:5432/${database}`, SECRET_ID: `glue/${Name}` },
		});
		await aws.createGlueConnection(jdbc('team-sales-orders', 'orders'));
		await aws.createGlueConnection(jdbc('team-sales-billing', 'billing', 'billing database (hand-made)'));
		await aws.createGlueConnection(jdbc('team-sales-legacy', 'legacy'));
		await aws.createGlueConnection(jdbc('finance-ledger', 'ledger'));
	},
	// What us-east-1 holds before the copy, and the secrets the target Region has for it.
	'copy-connections-to-another-region.json': async ({ aws }) => {
		await aws.createGlueConnection({
			Name: 'shared-orders',
			Description: 'orders replica',
			ConnectionType: 'JDBC',
			MatchCriteria: ['copy-to-eu'],
			ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://orders.internal.example.com:5432/orders', SECRET_ID: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:glue/orders-AbCdEf' },
			PhysicalConnectionRequirements: { SubnetId: 'subnet-0a1b2c3d', SecurityGroupIdList: ['sg-0a1b2c3d'], AvailabilityZone: 'us-east-1a' },
		});
		await aws.createGlueConnection({
			Name: 'shared-network',
			ConnectionType: 'NETWORK',
			MatchCriteria: ['copy-to-eu'],
			ConnectionProperties: {},
			PhysicalConnectionRequirements: { SubnetId: 'subnet-0a1b2c3d', SecurityGroupIdList: ['sg-0a1b2c3d'], AvailabilityZone: 'us-east-1b' },
		});
		await aws.createGlueConnection({ Name: 'local-only', ConnectionType: 'NETWORK', ConnectionProperties: {}, PhysicalConnectionRequirements: { SubnetId: 'subnet-0a1b2c3d' } });
		await aws.createEventBridgeConnection({
			Name: 'shared-partner',
			Description: 'partner webhook',
			AuthorizationType: 'API_KEY',
			AuthParameters: {
				ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: COPY_SECRETS.sourceApiKey },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false }, { Key: 'x-signing', Value: COPY_SECRETS.sourceSigning, IsValueSecret: true }] },
			},
		});
		await aws.createEventBridgeConnection({
			Name: 'shared-billing',
			AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			AuthParameters: {
				OAuthParameters: {
					ClientParameters: { ClientID: 'billing-client', ClientSecret: COPY_SECRETS.sourceClientSecret },
					AuthorizationEndpoint: 'https://auth.example.com/oauth/token',
					HttpMethod: 'POST',
				},
			},
		});
		await aws.createEventBridgeConnection({ Name: 'local-hook', AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'u', Password: 'local-hook-password' } } });
		const target = aws.inRegion('eu-west-1');
		await target.createSecret('connections/shared-partner', JSON.stringify({ apiKey: COPY_SECRETS.targetApiKey, 'x-signing': COPY_SECRETS.targetSigning }));
		await target.createSecret('connections/shared-billing', JSON.stringify({ clientSecret: COPY_SECRETS.targetClientSecret }));
	},
	// Four targets, each starting from a different state (the example's desired set, with each target's values).
	'glue-partner-fleet-every-account-and-region.json': async ({ aws }) => {
		const inTarget = (account, region, database, description) => ({
			Name: `partner-${database}`,
			Description: description ?? `${database} database of the partner integration (managed by n8n)`,
			ConnectionType: 'JDBC',
			ConnectionProperties: {
				JDBC_CONNECTION_URL: `jdbc:postgresql://${database}.partner.internal:5432/${database}`,
				SECRET_ID: `arn:aws:secretsmanager:${region}:${account}:secret:partner/${database}`,
			},
			PhysicalConnectionRequirements: PARTNER_NETWORK(account, region),
		});
		// 111111111111 us-east-1: as desired. 111111111111 eu-west-1: orders missing, billing changed by hand.
		// 222222222222 us-east-1: nothing yet. 222222222222 eu-west-1: as desired plus a retired one (Remove Extras), and one outside the scope.
		const seed = {
			'111111111111 us-east-1': [['orders'], ['billing'], ['events']],
			'111111111111 eu-west-1': [['billing', 'billing (hand-made)'], ['events']],
			'222222222222 us-east-1': [],
			'222222222222 eu-west-1': [['orders'], ['billing'], ['events'], ['legacy'], ['other', undefined, 'team-other']],
		};
		for (const [where, connections] of Object.entries(seed)) {
			const [account, region] = where.split(' ');
			const target = aws.inAccount(account, region);
			for (const [database, description, name] of connections) {
				await target.createGlueConnection({ ...inTarget(account, region, database, description), ...(name ? { Name: name } : {}) });
			}
		}
	},
	'eventbridge-secrets-manager-rotation.json': async ({ aws }) => {
		await aws.createSecret('partner/webhook-api-key', JSON.stringify({ apiKey: EXAMPLE_API_KEY }));
	},
};
