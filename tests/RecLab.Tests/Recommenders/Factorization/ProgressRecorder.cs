namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>Collects progress reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class ProgressRecorder<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
