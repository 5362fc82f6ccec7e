namespace RecLab.Cli;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread (the BCL's Progress posts to the
/// thread pool, which reorders lines and can report after the work has finished).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
