/**
 * NETWORK: a network path into an Amazon VPC.
 *
 * AWS: "NETWORK Connections do not require ConnectionParameters. Instead, provide a
 * PhysicalConnectionRequirements." The form has no fields of its own; the check asks for the
 * Network (VPC) settings of the definition form.
 */
import { fail } from '../../shared/validation';
import type { ConnectionTypeForm, DefinitionParts } from './types';

export const networkForm: ConnectionTypeForm = {
	type: 'NETWORK',
	fields: [],
	toConnectionProperties: () => ({}),
	checkDefinition(definition: DefinitionParts) {
		const { subnetId, securityGroupIds, availabilityZone } = definition;
		// Test Definition: a TestConnectionInput has no PhysicalConnectionRequirements, so
		// buildTestConnectionInput reports them as present without any of their parts. Nothing to check.
		if (definition.hasPhysicalConnectionRequirements && !subnetId && !securityGroupIds.length && !availabilityZone) return;
		if (!subnetId) fail('Subnet ID', 'is required for a NETWORK connection (in Network (VPC))');
		if (!securityGroupIds.length) fail('Security Group IDs', 'are required for a NETWORK connection (in Network (VPC))');
		if (!availabilityZone) fail('Availability Zone', 'is required for a NETWORK connection (in Network (VPC))');
	},
};
