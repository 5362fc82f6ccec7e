namespace RecLab.Notebooks.Tests.Support;

/// <summary>
/// Tests that check what a run does to process-wide state (current directory, Console.Out): they must not overlap
/// another run, which changes that state while it lasts.
/// </summary>
[CollectionDefinition(nameof(ProcessState), DisableParallelization = true)]
public sealed class ProcessState;
