import { describe, expect, it } from 'vitest';
import { parseMlmodel } from './mlmodel';

const sklearnModel = `artifact_path: mlflow-artifacts:/1/models/m-0123/artifacts
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.1
is_signature_from_type_hint: false
mlflow_version: 3.1.0
model_id: m-0123
model_size_bytes: 1234
model_uuid: m-0123
run_id: 5f1c
saved_input_example_info:
  artifact_path: input_example.json
  serving_input_path: serving_input_example.json
  type: dataframe
  pandas_orient: split
signature:
  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'
  params: null
type_hint_from_example: false
utc_time_created: '2026-11-28 01:02:03.456789'
`;

describe('parseMlmodel', () => {
  it('keeps flavors, the signature (decoding its JSON strings), input example info and size', () => {
    const summary = parseMlmodel(sklearnModel);
    expect(summary).toMatchObject({
      flavors: { python_function: { loader_module: 'mlflow.sklearn' }, sklearn: { sklearn_version: '1.5.1' } },
      signature: {
        inputs: [{ type: 'double', name: 'sepal length (cm)', required: true }],
        outputs: [{ type: 'tensor', 'tensor-spec': { dtype: 'int64', shape: [-1] } }],
        params: null,
      },
      savedInputExampleInfo: { artifact_path: 'input_example.json', type: 'dataframe' },
      modelSizeBytes: 1234,
      mlflowVersion: '3.1.0',
      modelUuid: 'm-0123',
      modelId: 'm-0123',
      runId: '5f1c',
      utcTimeCreated: '2026-11-28 01:02:03.456789',
    });
  });

  it('treats Python tags as inert data and never runs anything', () => {
    const hostile = `flavors: !!python/object/apply:os.system ["touch /tmp/pwned"]\nmlflow_version: !!python/name:os.system\nsignature:\n  inputs: not json\n`;
    const summary = parseMlmodel(hostile);
    expect(summary?.flavors).toEqual({});
    expect(summary?.signature).toEqual({ inputs: 'not json', outputs: null, params: null });
  });

  it('refuses alias bombs and returns null for what is not an MLmodel', () => {
    // Each level repeats the previous one nine times: 9^13 strings if aliases were expanded freely.
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      const [previous, current] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const bomb = levels.join('\n');
    expect(parseMlmodel(bomb)).toBeNull();
    expect(parseMlmodel('- just\n- a list')).toBeNull();
    expect(parseMlmodel('flavors: [unclosed')).toBeNull();
  });
});
