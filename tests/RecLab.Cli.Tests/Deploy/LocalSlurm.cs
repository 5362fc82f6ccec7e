using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Deploy;

/// <summary>
/// The single-node Slurm cluster of scripts/slurm-local.sh, brought up once for <see cref="SlurmRecipeTests"/> and always
/// taken down after them; a <c>reclab</c> command on the PATH the jobs inherit from sbatch; and the one-process run of the
/// experiment that the merged shards must equal byte for byte.
/// </summary>
public sealed class LocalSlurm : IAsyncLifetime
{
    /// <summary>reclab run's arguments: the repository's experiment (cells and its A/B test) on the tiny synthetic data set.</summary>
    public static readonly string[] Experiment =
        [Path.Combine(SharedData.RepoRoot, "experiments.yaml"), "--set", "datasets[0].source=synthetic:tiny"];

    private static readonly string Script = Path.Combine(SharedData.RepoRoot, "scripts", "slurm-local.sh");
    private readonly TempFolder _temp = new();
    private bool _up;

    /// <summary>Why the cluster cannot run here (the tests skip with it), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The environment for the submitting commands: PATH starts with the folder holding <c>reclab</c>.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The results folder of <c>reclab run</c> of <see cref="Experiment"/> in one process.</summary>
    public string OneProcess => _temp["one-process"];

    /// <summary>A fresh empty folder to submit from.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(_temp[name]).FullName;

    public async ValueTask InitializeAsync()
    {
        Unavailable = WhyUnavailable();
        if (Unavailable is not null || !OperatingSystem.IsLinux())
            return;
        // The jobs run this build of the CLI: the test's own copy of reclab.dll, through a `reclab` on the PATH as installed tools are.
        var bin = Directory.CreateDirectory(_temp["bin"]).FullName;
        var dll = Path.Combine(AppContext.BaseDirectory, "reclab.dll");
        var wrapper = Path.Combine(bin, "reclab");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH");

        _up = true;
        try
        {
            var up = await ProcessRun.Run("bash", [Script, "up"], _temp.Path);
            if (up.Code != 0)
                throw new InvalidOperationException($"scripts/slurm-local.sh up exited {up.Code}:\n{up.Output}");
            var one = await ProcessRun.Run(wrapper, ["run", .. Experiment, "--output", OneProcess], _temp.Path);
            if (one.Code != 0)
                throw new InvalidOperationException($"the one-process run exited {one.Code}:\n{one.Output}");
        }
        catch
        {
            await DisposeAsync();
            _up = false;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Whatever the tests' cancellation: no daemon outlives them.
            if (_up)
                await ProcessRun.Run("bash", [Script, "down"], _temp.Path, cancellation: CancellationToken.None);
        }
        finally
        {
            _temp.Dispose();
        }
    }

    private static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux())
            return "the local Slurm cluster runs on Linux only";
        if (!System.Environment.IsPrivilegedProcess)
            return "not root: scripts/slurm-local.sh installs Slurm and starts its daemons as root";
        if (!File.Exists("/usr/sbin/slurmctld") && !File.Exists("/usr/bin/apt-get"))
            return "Slurm is not installed and apt-get is unavailable to install it";
        const string conf = "/etc/slurm/slurm.conf";
        if (File.Exists(conf) && !File.ReadAllText(conf).Contains("written by reclab scripts/slurm-local.sh", StringComparison.Ordinal))
            return $"{conf} belongs to another Slurm cluster: not starting a local one over it";
        return null;
    }
}
