using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Configuration;

public sealed class SchemaDocumentTests
{
    [Fact]
    public void The_committed_reference_page_is_the_generated_one()
    {
        var path = Path.Combine(SharedData.RepoRoot, "docs", "experiments-schema.md");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n");

        Assert.True(committed == SchemaDocument.Render(),
            "docs/experiments-schema.md is out of date: regenerate it with `dotnet run --project src/RecLab.Cli -- schema > docs/experiments-schema.md`.");
    }

    [Theory]
    [InlineData(typeof(ExperimentConfig))]
    [InlineData(typeof(DatasetConfig))]
    [InlineData(typeof(CsvConfig))]
    [InlineData(typeof(PreprocessingConfig))]
    [InlineData(typeof(SplitConfig))]
    [InlineData(typeof(AlgorithmConfig))]
    [InlineData(typeof(EvaluationConfig))]
    [InlineData(typeof(AbTestConfig))]
    [InlineData(typeof(AbArmConfig))]
    [InlineData(typeof(ReportConfig))]
    public void Every_key_is_documented(Type record)
    {
        foreach (var (key, property) in ConfigBinder.SchemaKeys(record))
            Assert.False(string.IsNullOrWhiteSpace(XmlDocumentation.Summary(property)), $"{record.Name}.{key} has no XML summary");
    }

    [Fact]
    public void Every_registered_algorithm_has_a_section()
    {
        var page = SchemaDocument.Render();
        foreach (var info in Recommenders.RecommenderRegistry.Default.All)
            Assert.Contains($"\n### {info.Name}\n", page);
    }
}
