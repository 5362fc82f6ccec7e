namespace RecLab.Experiments.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (the BCL's Progress posts to the pool).</summary>
public sealed class Inline<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
