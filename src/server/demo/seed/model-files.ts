import { stringify } from 'yaml';
import type { WeatherDay } from '../data/weather-data';
import type { SerializedModel } from '../training/classifier';

/**
 * The files of a logged model, as an MLflow flavor would write them: `MLmodel` (YAML, with the
 * real column signature), the serialized model and an input example.
 */
export function modelFiles(model: SerializedModel, ids: { modelId: string; runId: string | null }, example: WeatherDay[]): Record<string, string> {
  const modelJson = JSON.stringify(model);
  const inputExample = JSON.stringify({ columns: model.features, data: example.map((day) => model.features.map((f) => day[f as keyof WeatherDay])) });
  const mlmodel = {
    artifact_path: 'model',
    flavors: {
      python_function: { loader_module: 'sextant_demo.pyfunc', data: 'model.json', python_version: '3.12.0' },
      sextant_demo: { kind: model.kind, format: model.format, data: 'model.json', library: model.kind === 'softmax-regression' ? 'sextant-demo' : 'mljs' },
    },
    model_id: ids.modelId,
    ...(ids.runId && { run_id: ids.runId }),
    utc_time_created: new Date().toISOString().replace('T', ' ').replace('Z', ''),
    mlflow_version: '3.1.0',
    model_size_bytes: modelJson.length,
    saved_input_example_info: { artifact_path: 'input_example.json', type: 'dataframe', pandas_orient: 'split' },
    signature: {
      inputs: JSON.stringify(model.features.map((name) => ({ type: 'double', name, required: true }))),
      outputs: JSON.stringify([{ type: 'string', name: 'prediction', required: true }]),
      params: null,
    },
  };
  return { MLmodel: stringify(mlmodel), 'model.json': modelJson, 'input_example.json': inputExample };
}
