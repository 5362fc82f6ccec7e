using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RecLab.Benchmarks;

if (!BenchmarkData.Available)
{
    Console.Error.WriteLine($"ml-latest-small is not in the dataset cache ({BenchmarkData.Cache.Root}): fetch it with 'reclab data fetch ml-latest-small' " +
        "(or '--from FOLDER' for a local copy). Nothing to run.");
    return 0;
}

// In process: a generated child project would inherit the repository's build settings (warnings as errors, central
// package versions) and fail to build; the kernels need none of that isolation.
if (!args.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a == "-i"))
    args = [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
return 0;
