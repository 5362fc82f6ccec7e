// RecLab's notebook bootstrap: a notebook's first code cell is `#load "reclab.csx"`.
// It references what `dotnet build` (Debug, the default) puts in src/RecLab.Notebooks/bin/Debug/net10.0/:
// RecLab.Core, RecLab.Charts, RecLab.Experiments, RecLab.Simulation, RecLab.Notebooks, with their dependencies beside them.
// "Metadata file '...RecLab.Core.dll' could not be found" means RecLab is not built yet:
// run `dotnet build` in the repository root, then run the cell again.
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/RecLab.Core.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/RecLab.Charts.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/RecLab.Experiments.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/RecLab.Notebooks.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/RecLab.Simulation.dll"
// Plotly.NET's charts (GenericChart) and its C# surface, with the F# runtime and dynamic objects they are built on.
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/FSharp.Core.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/DynamicObj.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/Plotly.NET.dll"
#r "../src/RecLab.Notebooks/bin/Debug/net10.0/Plotly.NET.CSharp.dll"

// Global, so the namespaces reach every later cell (a plain using would stay inside this file).
global using Plotly.NET.CSharp;
global using GenericChart = Plotly.NET.GenericChart;
global using StyleParam = Plotly.NET.StyleParam;
global using RecLab;
global using RecLab.Charts;
global using RecLab.Charts.Html;
global using RecLab.Charts.Plots;
global using RecLab.Data;
global using RecLab.Evaluation;
global using RecLab.Evaluation.Metrics;
global using RecLab.Notebooks;
global using RecLab.Recommenders;
global using RecLab.Splitting;
// RecLab.Experiments.* stay out: their ResultTable would clash with RecLab.Notebooks.ResultTable; 07 imports them.
