// n8n's REST API as the editor uses it, for the suites that run `n8n start` (queue, agents).

/**
 * Publishes workflows as the editor's Publish button does: sets up the owner (a fresh instance),
 * signs in, then activates each workflow's current version. n8n then serves their production
 * webhooks (chat, MCP, webhook triggers).
 */
async function publishWorkflows(base, ids, owner) {
	const headers = { 'content-type': 'application/json', 'browser-id': 'test-suite' };
	const call = async (method, route, body, cookie) => {
		const response = await fetch(`${base}/rest${route}`, { method, headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: body && JSON.stringify(body) });
		if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
		return response;
	};
	await call('POST', '/owner/setup', owner);
	const login = await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
	for (const id of ids) {
		const { data } = await (await call('GET', `/workflows/${id}`, undefined, cookie)).json();
		await call('POST', `/workflows/${id}/activate`, { versionId: data.versionId }, cookie);
	}
}

module.exports = { publishWorkflows };
