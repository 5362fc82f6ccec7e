using System.Text.Json;

namespace RecLab.Cli.Tests.Commands;

public sealed class AbPlanCommandTests
{
    [Fact]
    public async Task Users_needed_for_a_conversion_uplift_as_json()
    {
        // Rate 10%, +1 point: 2 (1.959964 + 0.841621)² · 0.09 / 0.01² = 14127.98 -> 14,128 per arm.
        var (code, output, error) = await CliRun.Reclab("ab", "plan", "--rate", "0.1", "--mde", "0.01", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("users", root.GetProperty("solved_for").GetString());
        Assert.Equal(14_128, root.GetProperty("users_per_arm").GetInt64());
        Assert.Equal(28_256, root.GetProperty("total_users").GetInt64());
        Assert.Equal(0.1, root.GetProperty("relative_effect").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Detectable_effect_for_given_users_as_a_table()
    {
        // sd 2, 1000 users per arm: MDE = 2.801585 · 2 · sqrt(2/1000) = 0.2505814.
        var (code, output, _) = await CliRun.Reclab("ab", "plan", "--mean", "5", "--sd", "2", "--users", "1000");
        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("minimum detectable effect", output);
        Assert.Contains("0.250581", output);
        Assert.Contains("5.01%", output);
    }

    [Fact]
    public async Task More_arms_split_alpha_and_need_more_users_per_arm()
    {
        var (_, two, _) = await CliRun.Reclab("ab", "plan", "--rate", "0.1", "--relative-mde", "0.1", "--format", "json");
        var (code, three, _) = await CliRun.Reclab("ab", "plan", "--rate", "0.1", "--relative-mde", "0.1", "--arms", "3", "--format", "json");
        Assert.Equal(0, code);
        using var a = JsonDocument.Parse(two);
        using var b = JsonDocument.Parse(three);
        Assert.Equal(0.025, b.RootElement.GetProperty("comparison_alpha").GetDouble(), 1e-12);
        Assert.Equal(17_110, b.RootElement.GetProperty("users_per_arm").GetInt64());
        Assert.True(b.RootElement.GetProperty("users_per_arm").GetInt64() > a.RootElement.GetProperty("users_per_arm").GetInt64());
    }

    [Theory]
    [InlineData("--rate", "0.1")]
    [InlineData("--rate", "0.1", "--mde", "0.01", "--users", "100")]
    [InlineData("--mean", "1", "--mde", "0.1")]
    [InlineData("--rate", "1.5", "--mde", "0.1")]
    public async Task Incomplete_or_contradictory_input_exits_2(params string[] args)
    {
        var (code, _, error) = await CliRun.Reclab(["ab", "plan", .. args]);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error);
    }
}
