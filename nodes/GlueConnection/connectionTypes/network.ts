/**
 * NETWORK: a network path into an Amazon VPC.
 *
 * AWS: "NETWORK Connections do not require ConnectionParameters. Instead, provide a
 * PhysicalConnectionRequirements." The form has no fields of its own; the check asks for the
 * Network (VPC) settings of the definition form.
 */
import { fail } from '../../shared/validation';
import type { ConnectionTypeForm } from './types';

export const networkForm: ConnectionTypeForm = {
	type: 'NETWORK',
	fields: [],
	toConnectionProperties: () => ({}),
	checkRequest(input, at, saved) {
		// Test Definition sends no network: AWS tests a NETWORK connection's path from its saved settings.
		if (!saved) return;
		const network = input.PhysicalConnectionRequirements ?? {};
		const path = 'PhysicalConnectionRequirements';
		if (!network.SubnetId) fail(at(`${path}.SubnetId`), 'is required for a NETWORK connection (in Network (VPC))');
		if (!network.SecurityGroupIdList?.length) fail(at(`${path}.SecurityGroupIdList`), 'are required for a NETWORK connection (in Network (VPC))');
		if (!network.AvailabilityZone) fail(at(`${path}.AvailabilityZone`), 'is required for a NETWORK connection (in Network (VPC))');
	},
};
