// Runs time faster for code in this realm: every timer fires `factor` times sooner and Date.now()
// advances `factor` times faster, consistently, so code that sleeps and measures rates (the AWS
// SDK's retry back-off and adaptive rate limiter) behaves as it would, in less wall time. Used by
// the fault tests and the fault benchmark, where the SDK's back-off (up to 20 s per retry under
// throttling) would otherwise make a run of hundreds of creates take many minutes. Nothing that
// asserts a duration uses it: they count.
function compressTime(factor) {
	const realNow = Date.now;
	const realSetTimeout = globalThis.setTimeout;
	const origin = realNow();
	Date.now = () => Math.floor(origin + (realNow() - origin) * factor);
	globalThis.setTimeout = (callback, ms, ...args) => realSetTimeout(callback, Math.max(0, Number(ms) || 0) / factor, ...args);
	return function restore() {
		Date.now = realNow;
		globalThis.setTimeout = realSetTimeout;
	};
}

module.exports = { compressTime };
