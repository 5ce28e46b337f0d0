// A scripted OpenAI-compatible model for the agents suite: it serves the endpoint n8n's OpenAI Chat
// Model node 1.3 really calls (the Responses API, POST /v1/responses; streamed or not), answers with
// the next step of a script (a tool call, or the final text) and records every request it receives.
// Loopback only. Anything else it is asked is answered 404 and recorded, so a test sees it.
const http = require('node:http');

/**
 * The script is a list of steps; which step answers a request is decided by the conversation in
 * it: the number of tool results (function_call_output) the request carries. So a retry of the same
 * request gets the same answer, and the script does not depend on how many requests n8n makes.
 * A step is { tool, args } (a function call) or { text } (the final answer).
 */
function startModelServer(script, port = 0) {
	const requests = [];
	let sequence = 0;

	const responseFor = (body) => {
		const input = Array.isArray(body.input) ? body.input : [];
		const done = input.filter((item) => item?.type === 'function_call_output').length;
		const step = script[Math.min(done, script.length - 1)];
		sequence += 1;
		const output = step.tool
			? [{ type: 'function_call', id: `fc_${sequence}`, call_id: `call_${sequence}`, name: step.tool, arguments: JSON.stringify(step.args ?? {}), status: 'completed' }]
			: [{ type: 'message', id: `msg_${sequence}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: step.text, annotations: [] }] }];
		return {
			id: `resp_${sequence}`,
			object: 'response',
			created_at: Math.floor(Date.now() / 1000),
			status: 'completed',
			model: body.model ?? 'scripted',
			output,
			parallel_tool_calls: false,
			tool_choice: 'auto',
			tools: [],
			error: null,
			incomplete_details: null,
			usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
		};
	};

	/** The Responses API's server-sent events for one finished response. */
	const streamed = (response) => {
		const events = [{ type: 'response.created', response: { ...response, status: 'in_progress', output: [] } }];
		response.output.forEach((item, index) => {
			events.push({ type: 'response.output_item.added', output_index: index, item: { ...item, ...(item.type === 'message' ? { content: [] } : { arguments: '' }) } });
			if (item.type === 'message') {
				const text = item.content[0].text;
				events.push({ type: 'response.content_part.added', item_id: item.id, output_index: index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
				events.push({ type: 'response.output_text.delta', item_id: item.id, output_index: index, content_index: 0, delta: text });
				events.push({ type: 'response.output_text.done', item_id: item.id, output_index: index, content_index: 0, text });
				events.push({ type: 'response.content_part.done', item_id: item.id, output_index: index, content_index: 0, part: item.content[0] });
			} else {
				events.push({ type: 'response.function_call_arguments.delta', item_id: item.id, output_index: index, delta: item.arguments });
				events.push({ type: 'response.function_call_arguments.done', item_id: item.id, output_index: index, arguments: item.arguments });
			}
			events.push({ type: 'response.output_item.done', output_index: index, item });
		});
		events.push({ type: 'response.completed', response });
		return events.map((event, index) => `event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: index })}\n\n`).join('');
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw ? JSON.parse(raw) : {};
			} catch {
				body = { unparsed: raw };
			}
			const request = { method: req.method, url: req.url, headers: req.headers, raw, body };
			requests.push(request);
			if (req.method === 'POST' && req.url.replace(/\?.*$/, '') === '/v1/responses') {
				const response = responseFor(body);
				request.response = response;
				if (body.stream) {
					res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
					res.end(streamed(response));
				} else {
					res.writeHead(200, { 'content-type': 'application/json' });
					res.end(JSON.stringify(response));
				}
				return;
			}
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { message: `not served by the scripted model: ${req.method} ${req.url}`, type: 'invalid_request_error' } }));
		});
	});

	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			resolve({
				url: `http://127.0.0.1:${server.address().port}/v1`,
				requests,
				close: () => new Promise((done) => server.close(done)),
			});
		});
	});
}

module.exports = { startModelServer };
