import { artifactBytes, inspectArtifact, sha256, verifyChecksum } from './artifact';
import { RegistryError } from './registry-error';

const MODEL = JSON.stringify({
  learner: {
    learner_model_param: { num_feature: '3', base_score: '5E-1' },
    feature_names: ['a', 'b', 'c'],
    objective: { name: 'binary:logistic' },
  },
  version: [1, 7, 4],
});

describe('artifacts', () => {
  test('sha256 is the standard digest', () => {
    expect(sha256(artifactBytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  test('inspectArtifact reads what an XGBoost JSON model declares', () => {
    expect(inspectArtifact(artifactBytes(MODEL), 'x')).toEqual({
      numFeatures: 3,
      featureNames: ['a', 'b', 'c'],
      objective: 'binary:logistic',
    });
    expect(inspectArtifact(artifactBytes('{"learner":{}}'), 'x')).toEqual({
      numFeatures: undefined,
      featureNames: undefined,
      objective: undefined,
    });
  });
  test.each([
    ['not json', /x is not JSON/],
    ['[1,2]', /not an XGBoost model/],
    ['{"learner": 3}', /not an XGBoost model/],
    ['{"Learner": {}}', /not an XGBoost model/],
  ])('inspectArtifact refuses %j', (text, message) => {
    expect(() => inspectArtifact(artifactBytes(text), 'x')).toThrow(message);
    try {
      inspectArtifact(artifactBytes(text), 'x');
    } catch (e) {
      expect((e as RegistryError).code).toBe('INVALID_ARTIFACT');
    }
  });
  test('verifyChecksum accepts the recorded digest and refuses any change', () => {
    const bytes = artifactBytes(MODEL);
    const digest = sha256(bytes);
    expect(() => verifyChecksum(bytes, digest, 'm')).not.toThrow();
    const changed = new Uint8Array(bytes);
    changed[10] = (changed[10] ?? 0) ^ 1; // byte 10 of a model's bytes: flip one bit
    expect(() => verifyChecksum(changed, digest, 'm')).toThrow(/m is corrupted/);
  });
});
