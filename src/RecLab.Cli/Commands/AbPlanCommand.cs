using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Evaluation.Statistics;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab ab plan</c>: users needed for a planned A/B test, or the effect it can detect.</summary>
internal static class AbPlanCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The <c>ab</c> command group with its <c>plan</c> subcommand.</summary>
    public static Command CreateGroup(Terminal terminal) =>
        new("ab", "Plan and analyse online A/B tests.") { Create(terminal) };

    public static Command Create(Terminal terminal)
    {
        var mean = new Option<double?>("--mean") { Description = "Baseline mean of the per-user metric in control (e.g. revenue per user)." };
        var sd = new Option<double?>("--sd") { Description = "Per-user standard deviation of the metric (with --mean)." };
        var rate = new Option<double?>("--rate") { Description = "Baseline rate of a per-user 0/1 metric (e.g. conversion 0.05); sd = sqrt(p(1 − p))." };
        var mde = new Option<double?>("--mde") { Description = "Absolute effect to detect (e.g. 0.005 for half a point of conversion)." };
        var relative = new Option<double?>("--relative-mde") { Description = "Effect to detect relative to the baseline (e.g. 0.05 for +5%)." };
        var users = new Option<long?>("--users") { Description = "Users per arm available: prints the minimum detectable effect instead." };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided significance level over the family of comparisons.", DefaultValueFactory = _ => 0.05 };
        var power = new Option<double>("--power") { Description = "Probability of detecting the effect.", DefaultValueFactory = _ => 0.8 };
        var arms = new Option<int>("--arms") { Description = "Arms including control, with equal traffic; comparisons with control use alpha / (arms − 1).", DefaultValueFactory = _ => 2 };
        var format = new Option<OutputFormat>("--format") { Description = "table or json.", DefaultValueFactory = _ => OutputFormat.Table };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("plan", "Power analysis of a planned A/B test (two-sided z-test on per-user means): give the baseline (--rate, or --mean and --sd) " +
            "and either the effect to detect (--mde or --relative-mde) to get the users needed, or --users per arm to get the minimum detectable effect.")
        {
            mean, sd, rate, mde, relative, users, alpha, power, arms, format,
        };
        command.SetAction(parse => Guard.Run(terminal, () =>
        {
            double baseline, deviation;
            if (parse.GetValue(rate) is { } p)
            {
                if (parse.GetValue(mean) is not null || parse.GetValue(sd) is not null)
                    throw new ArgumentException("Give either --rate or --mean with --sd, not both.");
                baseline = p;
                deviation = PowerAnalysis.RateStandardDeviation(p);
            }
            else if (parse.GetValue(mean) is { } m && parse.GetValue(sd) is { } s)
            {
                baseline = m;
                deviation = s;
            }
            else
            {
                throw new ArgumentException("Give the baseline: --rate for a 0/1 metric, or --mean and --sd for a per-user metric.");
            }
            var targets = (parse.GetValue(mde) is null ? 0 : 1) + (parse.GetValue(relative) is null ? 0 : 1) + (parse.GetValue(users) is null ? 0 : 1);
            if (targets != 1)
                throw new ArgumentException("Give exactly one of --mde, --relative-mde (users needed) and --users (detectable effect).");
            double? effect = parse.GetValue(mde) ?? (parse.GetValue(relative) is { } r ? r * Math.Abs(baseline) : null);
            if (parse.GetValue(relative) is not null && baseline == 0)
                throw new ArgumentException("--relative-mde needs a non-zero baseline; give --mde instead.");
            var plan = PowerAnalysis.Plan(baseline, deviation, parse.GetValue(alpha), parse.GetValue(power), parse.GetValue(arms), effect, parse.GetValue(users));
            if (parse.GetValue(format) == OutputFormat.Json)
                terminal.Out.WriteLine(ToJson(plan, effect is null));
            else
                Render(terminal, plan, effect is null);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string ToJson(PowerPlan plan, bool solvedForEffect) => new JsonObject
    {
        ["solved_for"] = solvedForEffect ? "effect" : "users",
        ["baseline_mean"] = plan.BaselineMean,
        ["standard_deviation"] = Math.Round(plan.StandardDeviation, 9),
        ["effect"] = Math.Round(plan.Effect, 9),
        ["relative_effect"] = double.IsNaN(plan.RelativeEffect) ? null : Math.Round(plan.RelativeEffect, 9),
        ["alpha"] = plan.Alpha,
        ["comparison_alpha"] = Math.Round(plan.ComparisonAlpha, 9),
        ["power"] = plan.Power,
        ["achieved_power"] = Math.Round(plan.AchievedPower, 6),
        ["arms"] = plan.Arms,
        ["users_per_arm"] = plan.UsersPerArm,
        ["total_users"] = plan.TotalUsers,
    }.ToJsonString(Indented);

    private static void Render(Terminal terminal, PowerPlan plan, bool solvedForEffect)
    {
        static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("quantity", "value");
        table.AddRow("baseline mean", F(plan.BaselineMean));
        table.AddRow("per-user sd", F(plan.StandardDeviation));
        var effect = $"{F(plan.Effect)}" + (double.IsNaN(plan.RelativeEffect) ? "" : $" ({(100 * plan.RelativeEffect).ToString("0.##", CultureInfo.InvariantCulture)}% of baseline)");
        table.AddRow(solvedForEffect ? "[bold]minimum detectable effect[/]" : "effect to detect", Markup.Escape(effect));
        table.AddRow("alpha (two-sided)", plan.Arms > 2 ? $"{F(plan.Alpha)} family, {F(plan.ComparisonAlpha)} per comparison (Bonferroni)" : F(plan.Alpha));
        table.AddRow("power", $"{F(plan.Power)} (achieved {F(plan.AchievedPower)})");
        table.AddRow("arms", plan.Arms.ToString(CultureInfo.InvariantCulture));
        table.AddRow(solvedForEffect ? "users per arm" : "[bold]users per arm[/]", plan.UsersPerArm.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow(solvedForEffect ? "total users" : "[bold]total users[/]", plan.TotalUsers.ToString("N0", CultureInfo.InvariantCulture));
        terminal.Console.Write(table);
        terminal.Console.WriteLine("Two-sided z-test on per-user means with the same sd in every arm; analyse the test per user (ratio metrics by the delta method).");
    }
}
