namespace RecLab.Tests.Support;

/// <summary>
/// The collection of tests that measure the whole process (peak working set, the heap, process CPU time): xunit runs it
/// with no other test beside it, so what runs in parallel is not counted as theirs (in CI a CPU-time test read 1.26 s
/// beside other tests against 0.59 s alone). Mark such a class <c>[Collection(RunsAlone.Name)]</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "runs alone";
}
