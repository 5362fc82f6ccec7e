using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RecLab.Benchmarks;

if (BenchmarkData.Locate() is null)
{
    Console.Error.WriteLine("ml-latest-small not found: set RECLAB_SHARED_DATA to the folder holding ml-latest-small/ (e.g. /work/shared/data). Nothing to run.");
    return 0;
}

// In process: a generated child project would inherit the repository's build settings (warnings as errors, central
// package versions) and fail to build; the kernels need none of that isolation.
if (!args.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a == "-i"))
    args = [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
return 0;
