using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Recommenders;

namespace RecLab.Experiments.Results;

/// <summary>
/// Which experiment a results folder belongs to. A folder holds one experimental setup (<see cref="ExperimentPlan.Setup"/>):
/// a run or merge whose setup differs would replace reports and a manifest that others may be reading, so it is
/// refused unless asked to replace them; its <c>experiment.yaml</c> is written only once the folder is claimed.
/// </summary>
public static class ResultsFolder
{
    /// <summary>
    /// Why <paramref name="folder"/> does not belong to <paramref name="plan"/>'s setup (the parts that differ, with
    /// both seeds), or null when it does, is empty, or has no saved configuration.
    /// </summary>
    public static string? Conflict(string folder, ExperimentPlan plan, RecommenderRegistry? registry = null)
    {
        if (!File.Exists(Path.Combine(folder, ExperimentResults.ConfigFileName)))
            return null;
        ExperimentPlan saved;
        try
        {
            saved = ExperimentResults.ReadPlan(folder, registry);
        }
        catch (ExperimentConfigException e)
        {
            return $"{folder} holds an {ExperimentResults.ConfigFileName} that this RecLab cannot read ({e.Errors[0]})";
        }
        var differ = plan.Setup.Keys.Where(k => saved.Setup.GetValueOrDefault(k) != plan.Setup[k]).ToList();
        return differ.Count == 0 ? null
            : $"{folder} holds the results of another experimental setup (different {string.Join(", ", differ)}; seed {saved.Config.Seed} there, {plan.Config.Seed} here)";
    }

    /// <summary>
    /// Claims <paramref name="folder"/> for <paramref name="plan"/> and writes its <c>experiment.yaml</c>; call it
    /// holding the folder's <see cref="ResultsFolderLock"/>.
    /// </summary>
    /// <param name="folder">The results folder (created if needed).</param>
    /// <param name="plan">The experiment about to write there.</param>
    /// <param name="replace">Claim it even when it holds another setup (<c>--fresh</c>).</param>
    /// <param name="remedy">What the refusal advises, e.g. naming the options that choose another folder or replace it.</param>
    /// <param name="registry">Where the saved configuration's algorithms are looked up.</param>
    /// <exception cref="ResultsFolderException">The folder holds another setup and <paramref name="replace"/> is false.</exception>
    public static void Claim(string folder, ExperimentPlan plan, bool replace, string remedy, RecommenderRegistry? registry = null)
    {
        Directory.CreateDirectory(folder);
        using (ResultsFolderLock.Briefly(folder, TimeSpan.FromSeconds(30)))
        {
            if (!replace && Conflict(folder, plan, registry) is { } conflict)
                throw new ResultsFolderException($"{conflict}: writing there would replace its reports. {remedy}");
            var path = Path.Combine(folder, ExperimentResults.ConfigFileName);
            var yaml = ExperimentFile.ToYaml(plan.Config);
            if (!File.Exists(path) || File.ReadAllText(path) != yaml)
                AtomicFile.WriteAllText(path, yaml);
        }
    }
}
