// Starts moto in server mode, with the project's plug-ins (emulator/server.py), on a free loopback
// port for integration tests, and stops it. The moto venv comes from scripts/env.sh (ensure_moto);
// MOTO_PYTHON is its Python.
const { spawn, execFileSync } = require('node:child_process');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const EMULATOR_SERVER = path.join(__dirname, '..', '..', 'emulator', 'server.py');

function motoPython() {
	if (process.env.MOTO_PYTHON) return process.env.MOTO_PYTHON;
	// Ask the project's own set-up for it (creates the venv on first use).
	const script = path.join(__dirname, '..', '..', 'scripts', 'env.sh');
	return execFileSync('bash', ['-c', `source "${script}" && ensure_moto >&2 && printf %s "$MOTO_PYTHON"`], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function waitUntilUp(endpoint, child, deadline) {
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`${endpoint}/moto-api/`);
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('moto_server did not start within 30 s');
}

/**
 * Scripts the states the next DescribeConnection calls of an EventBridge connection answer, on the
 * emulator at ENDPOINT (emulator/plugins/eventbridge_connections.py): [{ State, StateReason? }, ...];
 * [] removes the script.
 */
async function scriptConnectionStates(endpoint, name, states) {
	const response = await fetch(`${endpoint}/moto-api/emulator/eventbridge/connection-states`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ Name: name, States: states }),
	});
	if (response.status !== 204) throw new Error(`scripting states: HTTP ${response.status} ${await response.text()}`);
}

/**
 * @param {{ plugins?: boolean }} [options] plugins: false starts moto as PyPI ships it, without the
 *   project's plug-ins (what a user who runs `moto_server` has)
 * @returns {Promise<{endpoint: string, port: number, credentials: object, reset(): Promise<void>, stop(): Promise<void>}>}
 */
async function startMoto({ plugins = true } = {}) {
	const port = await freePort();
	const endpoint = `http://127.0.0.1:${port}`;
	const server = plugins ? [EMULATOR_SERVER] : ['-m', 'moto.server'];
	const child = spawn(motoPython(), [...server, '-H', '127.0.0.1', '-p', String(port)], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, HOME: os.tmpdir() },
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	try {
		await waitUntilUp(endpoint, child, Date.now() + 30000);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${error.message}\n${stderr}`);
	}
	return {
		endpoint,
		port,
		credentials: { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint },
		/** Forgets every resource (moto's reset API). */
		async reset() {
			await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
		},
		/**
		 * Scripts the states the next DescribeConnection calls of an EventBridge connection answer
		 * (emulator/plugins/eventbridge_connections.py): [{ State, StateReason? }, ...]; [] removes it.
		 */
		async scriptConnectionStates(name, states) {
			await scriptConnectionStates(endpoint, name, states);
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/**
 * For a jest file that tests the emulator itself through one SDK client: starts the emulator before
 * the file, resets it before each test, stops it after. The client makes one attempt per call, so
 * an error is the emulator's answer, not a retry's. `failure(command)` is the error a call must
 * end with ({ name, message, status }).
 */
function emulatorSuite(Client) {
	const suite = {
		moto: undefined,
		client: undefined,
		async failure(command) {
			try {
				await suite.client.send(command);
			} catch (error) {
				return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
			}
			throw new Error('expected the call to fail');
		},
	};
	beforeAll(async () => {
		suite.moto = await startMoto();
		const { region, endpoint, accessKeyId, secretAccessKey } = suite.moto.credentials;
		suite.client = new Client({ region, endpoint, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
	}, 60000);
	afterAll(async () => {
		suite.client?.destroy();
		await suite.moto?.stop();
	});
	beforeEach(async () => await suite.moto.reset());
	return suite;
}

module.exports = { startMoto, scriptConnectionStates, emulatorSuite };
