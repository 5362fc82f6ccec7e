namespace RecLab.Notebooks.Documents;

/// <summary>One output of a code cell, in the order it was produced.</summary>
public abstract record CellOutput;
