// ml-cart ships no types; the demo uses only these members.
declare module 'ml-cart' {
  export interface DecisionTreeOptions {
    gainFunction?: 'gini' | 'regression';
    maxDepth?: number;
    minNumSamples?: number;
  }
  export class DecisionTreeClassifier {
    constructor(options?: DecisionTreeOptions);
    train(rows: number[][], labels: number[]): void;
    predict(rows: number[][]): number[];
    toJSON(): object;
    static load(model: object): DecisionTreeClassifier;
  }
}
