// What the editor should show, derived from the node description in dist/ (never hard-coded):
// n8n-workflow's own display rules (getNodeParameters + displayParameter) decide which top-level
// parameters are visible for a set of chosen values, exactly as the editor does.
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

const ROOT = path.join(__dirname, '..', '..');
const NODE = { typeVersion: 1 };

/** A built node, e.g. loadNode('GlueConnection'). */
function loadNode(nodeName) {
	const file = path.join(ROOT, 'dist', 'nodes', nodeName, `${nodeName}.node.js`);
	const NodeClass = require(file)[nodeName];
	if (!NodeClass) throw new Error(`${file} does not export ${nodeName}`);
	return new NodeClass();
}

/** The description of a built node, e.g. loadDescription('GlueConnection'). */
function loadDescription(nodeName) {
	return loadNode(nodeName).description;
}

/** The parameter values the editor holds after the user picked `chosen` (the rest are defaults). */
function valuesFor(description, chosen) {
	return NodeHelpers.getNodeParameters(description.properties, chosen, true, false, NODE, description) ?? {};
}

function isShown(description, values, property) {
	return property.type !== 'hidden' && NodeHelpers.displayParameter(values, property, NODE, description);
}

/** The labels of the top-level parameters shown for `chosen`, in display order. */
function visibleLabels(description, chosen) {
	const values = valuesFor(description, chosen);
	return description.properties.filter((p) => isShown(description, values, p)).map((p) => p.displayName);
}

/** The top-level property with this display name (the first one shown for `chosen`, if given). */
function findProperty(description, displayName, chosen = {}) {
	const values = valuesFor(description, chosen);
	const candidates = description.properties.filter((p) => p.displayName === displayName);
	const property = candidates.find((p) => isShown(description, values, p)) ?? candidates[0];
	if (!property) throw new Error(`the description has no parameter "${displayName}"`);
	return property;
}

/** The option of an options parameter, by value. */
function optionOf(property, value) {
	const option = property.options?.find((o) => o.value === value);
	if (!option) throw new Error(`"${property.displayName}" has no option ${value}`);
	return option;
}

/** The action label the node panel lists for an operation (its `action`, or its name). */
function actionLabel(description, operation) {
	const property = description.properties.find((p) => p.name === 'operation');
	const option = optionOf(property, operation);
	return option.action ?? option.name;
}

/**
 * The options parameters that belong to one choice of `selector` only (shown for `chosen` but for
 * none of the selector's other values) and that other parameters depend on: e.g. the KAFKA form's
 * SASL mechanism. Each of their values gets its own check.
 */
function dependentSelectors(description, selector, chosen) {
	const values = valuesFor(description, chosen);
	const others = selector.options.map((o) => o.value).filter((v) => v !== chosen[selector.name]);
	const otherValues = others.map((v) => valuesFor(description, { ...chosen, [selector.name]: v }));
	const referenced = new Set(
		description.properties.flatMap((p) => [
			...Object.keys(p.displayOptions?.show ?? {}),
			...Object.keys(p.displayOptions?.hide ?? {}),
		]),
	);
	return description.properties.filter(
		(p) =>
			p.type === 'options' &&
			p.name !== selector.name &&
			referenced.has(p.name) &&
			isShown(description, values, p) &&
			!otherValues.some((v) => isShown(description, v, p)),
	);
}

module.exports = { loadNode, loadDescription, visibleLabels, findProperty, optionOf, actionLabel, dependentSelectors, valuesFor };
