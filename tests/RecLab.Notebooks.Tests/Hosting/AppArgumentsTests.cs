using RecLab.Data.Loading;
using RecLab.Notebooks.Hosting;

namespace RecLab.Notebooks.Tests.Hosting;

/// <summary>An exported notebook app's <c>NAME=VALUE</c> arguments, read as the parameters cell types them.</summary>
public sealed class AppArgumentsTests
{
    [Fact]
    public void Arguments_override_parameters_by_name_typed_as_the_cell_gives_them()
    {
        string[] args = ["seed=7", "dataset=ml-100k", "seed=11", "rate=0.25"];

        AppArguments.Check(args, "seed", "dataset", "rate", "size");

        // The last value of a repeated name wins; an absent one keeps the cell's value.
        Assert.Equal(11, AppArguments.Override(args, "seed", 42));
        Assert.Equal("ml-100k", AppArguments.Override(args, "dataset", "synthetic:small"));
        Assert.Equal(0.25, AppArguments.Override(args, "rate", 0.5));
        Assert.Equal(1000, AppArguments.Override(args, "size", 1000));
    }

    [Fact]
    public void A_misspelt_or_malformed_argument_names_the_parameters()
    {
        var e = Assert.Throws<ArgumentException>(() => AppArguments.Check(["sede=7"], "seed", "dataset"));
        Assert.Equal("Argument 'sede=7': expected NAME=VALUE with NAME one of the notebook's parameters (seed, dataset) (did you mean 'seed'?).", e.Message);
        e = Assert.Throws<ArgumentException>(() => AppArguments.Check(["7"], "seed"));
        Assert.StartsWith("Argument '7': expected NAME=VALUE", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_bad_input()
    {
        var e = Assert.Throws<ArgumentException>(() => AppArguments.Override(["seed=seven"], "seed", 42));

        Assert.StartsWith("Argument 'seed=seven': not a valid Int32", e.Message);
        Assert.True(AppArguments.IsBadInput(e));
        Assert.True(AppArguments.IsBadInput(new FileNotFoundException("x")));
        Assert.True(AppArguments.IsBadInput(new DataFormatException("ratings.csv", 3, "bad line")));
        Assert.False(AppArguments.IsBadInput(new InvalidOperationException("x")));
    }
}
