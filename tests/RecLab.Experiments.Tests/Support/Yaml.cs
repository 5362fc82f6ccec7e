namespace RecLab.Experiments.Tests.Support;

/// <summary>Experiment files for tests.</summary>
public static class Yaml
{
    /// <summary>A small complete experiment on a ratings CSV: 2 algorithms x 3 folds (+ a grid of 2), 2 repeats.</summary>
    public static string Small(string csv, string name = "tiny") => $"""
        version: 1
        name: {name}
        seed: 11
        output: results
        datasets:
          - name: tiny
            source: {csv}
            preprocessing:
              implicit: true
        splits:
          - name: cv3
            spec: user-kfold:3
        algorithms:
          - name: pop
            kind: most-popular
          - kind: random
          - name: pop-damped
            kind: most-popular
            grid:
              damping: [1, 10]
        metrics: [ndcg@5, precision@5, coverage@5]
        evaluation:
          baseline: pop
          bootstrap_resamples: 200
        repeats: 2
        """;
}
