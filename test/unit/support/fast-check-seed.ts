import fc from 'fast-check';

// Property tests run from a fixed seed so CI is repeatable; FC_SEED=random (or a number) explores other runs.
const requested = process.env['FC_SEED'];
if (requested !== 'random') {
  fc.configureGlobal({ seed: requested ? Number(requested) : 20261128 });
}
