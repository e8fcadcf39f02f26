/**
 * An averaged multiclass perceptron over named features: small, deterministic, fast to train and to apply. The
 * event classifier and the party labeller are both one.
 */

/** Trained weights: per feature, one weight per label. */
export interface LinearModel {
  labels: readonly string[];
  weights: ReadonlyMap<string, Float32Array>;
}

/** Each label's score for a set of features (a feature the model never saw adds nothing). */
export function labelScores(model: LinearModel, features: readonly string[]): Float64Array {
  const scores = new Float64Array(model.labels.length);
  for (const feature of features) {
    const row = model.weights.get(feature);
    if (!row) continue;
    for (let label = 0; label < scores.length; label++)
      scores[label] = (scores[label] as number) + (row[label] as number);
  }
  return scores;
}

/** The best label and its margin over the runner-up. */
export function bestLabel(
  model: LinearModel,
  features: readonly string[],
): { label: string; margin: number } {
  const scores = labelScores(model, features);
  let best = 0;
  for (let label = 1; label < scores.length; label++)
    if ((scores[label] as number) > (scores[best] as number)) best = label;
  let second = Number.NEGATIVE_INFINITY;
  for (let label = 0; label < scores.length; label++)
    if (label !== best) second = Math.max(second, scores[label] as number);
  return {
    label: model.labels[best] as string,
    margin: (scores[best] as number) - (Number.isFinite(second) ? second : 0),
  };
}

/** Trains with the averaging trick: weights, plus weights scaled by the step each update came at. */
export class PerceptronTrainer {
  private readonly weights = new Map<string, Float64Array>();
  private readonly stamped = new Map<string, Float64Array>();
  private step = 1;

  constructor(readonly labels: readonly string[]) {}

  private row(table: Map<string, Float64Array>, feature: string): Float64Array {
    let row = table.get(feature);
    if (!row) {
      row = new Float64Array(this.labels.length);
      table.set(feature, row);
    }
    return row;
  }

  /** Learns from one example; returns whether the current weights got it right. */
  learn(features: readonly string[], gold: string): boolean {
    const goldIndex = this.labels.indexOf(gold);
    if (goldIndex < 0) throw new Error(`unknown label "${gold}"`);
    const scores = new Float64Array(this.labels.length);
    for (const feature of features) {
      const row = this.weights.get(feature);
      if (row)
        for (let label = 0; label < scores.length; label++)
          scores[label] = (scores[label] as number) + (row[label] as number);
    }
    let guess = 0;
    for (let label = 1; label < scores.length; label++)
      if ((scores[label] as number) > (scores[guess] as number)) guess = label;
    if (guess !== goldIndex) {
      for (const feature of features) {
        const row = this.row(this.weights, feature);
        const stamp = this.row(this.stamped, feature);
        row[goldIndex] = (row[goldIndex] as number) + 1;
        row[guess] = (row[guess] as number) - 1;
        stamp[goldIndex] = (stamp[goldIndex] as number) + this.step;
        stamp[guess] = (stamp[guess] as number) - this.step;
      }
    }
    this.step++;
    return guess === goldIndex;
  }

  /** The averaged weights, leaving out features whose weights are all below `prune` in size. */
  finish(prune = 0.01): LinearModel {
    const weights = new Map<string, Float32Array>();
    for (const [feature, row] of this.weights) {
      const stamp = this.stamped.get(feature) as Float64Array;
      const averaged = Float32Array.from(
        row,
        (weight, label) => weight - (stamp[label] as number) / this.step,
      );
      if (averaged.some((weight) => Math.abs(weight) >= prune)) weights.set(feature, averaged);
    }
    return { labels: this.labels, weights };
  }
}

/** A model as plain JSON: labels, then each feature with its weights rounded to four decimals. */
export function modelToJson(model: LinearModel): { labels: string[]; weights: Record<string, number[]> } {
  const weights: Record<string, number[]> = {};
  for (const [feature, row] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    weights[feature] = Array.from(row, (weight) => Math.round(weight * 10000) / 10000);
  return { labels: [...model.labels], weights };
}

export function modelFromJson(json: { labels: string[]; weights: Record<string, number[]> }): LinearModel {
  return {
    labels: json.labels,
    weights: new Map(Object.entries(json.weights).map(([feature, row]) => [feature, Float32Array.from(row)])),
  };
}
