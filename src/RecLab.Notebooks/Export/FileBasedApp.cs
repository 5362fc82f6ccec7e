using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Hosting;

namespace RecLab.Notebooks.Export;

/// <summary>
/// A notebook as a .NET 10 file-based app (<c>dotnet run app.cs</c>): <c>#r</c> of a project's build output becomes
/// <c>#:project</c> to that project, <c>#load</c>ed files are inlined (or replaced by their <c>// export:</c> lines,
/// as the bootstrap is), code cells become regions, markdown becomes comments, a cell's trailing expression becomes
/// <c>display(...)</c>, and <c>display</c> prints text. The app imports what the kernel imports and no more (implicit
/// usings off), so code that compiles in the notebook compiles in the app and the other way round.
/// </summary>
public static class FileBasedApp
{
    /// <summary>The namespaces .NET Interactive's C# kernel imports into every submission.</summary>
    public static IReadOnlyList<string> KernelImports { get; } =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>A <c>#load</c>ed file's line that stands, in an exported app, for the whole file (a directive or a using).</summary>
    public const string ExportPrefix = "// export: ";

    private static readonly string[] Imports = [typeof(AppArguments).Namespace!];

    /// <summary>Writes the app for <paramref name="notebookPath"/> to <paramref name="appPath"/>.</summary>
    /// <exception cref="NotebookException">The notebook uses something a file-based app cannot express.</exception>
    public static void Write(string notebookPath, string appPath)
    {
        var text = Export(notebookPath, appPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(appPath));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(appPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The app's source for <paramref name="notebookPath"/>, with directive paths relative to <paramref name="appPath"/>.</summary>
    /// <exception cref="NotebookException">The notebook uses something a file-based app cannot express.</exception>
    public static string Export(string notebookPath, string appPath)
    {
        var document = NotebookDocument.Load(notebookPath);
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var appFolder = Path.GetDirectoryName(Path.GetFullPath(appPath))!;
        var app = new AppParts(notebookPath, appFolder);

        for (var i = 0; i < document.Cells.Count; i++)
        {
            var cell = document.Cells[i];
            var number = i + 1;
            if (cell.Kind != CellKind.Code)
            {
                app.Body.Append(Comment(cell.Source)).Append('\n');
                continue;
            }

            var code = CellCode.Of(cell);
            if (!code.IsCSharp)
            {
                app.Body.Append($"// Cell {number} is for the {code.Kernel} kernel: not part of this app.\n\n");
                continue;
            }

            var tags = cell.Tags.Count > 0 ? $" [{string.Join(", ", cell.Tags)}]" : "";
            app.Body.Append($"#region Cell {number}{tags}\n");
            app.AddCode(code.Code, Path.GetFullPath(notebookPath), number, isCell: true);
            if (cell.HasTag(NotebookCell.ParametersTag))
                app.AddArguments(code.Code, Path.GetFileName(appPath));
            app.Body.Append("#endregion\n\n");
        }

        var relativeNotebookFolder = Path.GetRelativePath(appFolder, notebookFolder).Replace('\\', '/');
        var text = new StringBuilder();
        text.Append($"// {Path.GetFileName(notebookPath)} as a file-based app, written by `reclab notebook export`. Run: dotnet run {Path.GetFileName(appPath)}\n");
        text.Append("// Code cells are regions, markdown cells are comments; display(x) prints text (charts are drawn by `reclab notebook run`).\n");
        foreach (var project in app.Projects)
            text.Append($"#:project {project}\n");
        // File-based apps default to AOT settings, which turn off reflection-based System.Text.Json; the library
        // (experiment cells, charts) serializes with it.
        text.Append("#:property JsonSerializerIsReflectionEnabledByDefault=true\n");
        // The kernel's imports, not the SDK's implicit ones (which add System.IO, and so hide a missing using).
        text.Append("#:property ImplicitUsings=disable\n");
        text.Append('\n');
        // One file: the bootstrap's global usings are plain usings here. System namespaces first, as the repository sorts them.
        foreach (var name in KernelImports.Concat(app.Usings).Concat(Imports).Distinct()
                     .OrderBy(n => n == "System" || n.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1)
                     .ThenBy(n => n, StringComparer.Ordinal))
            text.Append($"using {name};\n");
        text.Append('\n');
        text.Append("// A bad argument or missing data ends the app with one line and exit code 2.\n");
        text.Append("AppArguments.ExitOnBadInput();\n");
        text.Append("// The notebook's relative paths are relative to its folder, as when it runs in a notebook.\n");
        text.Append($"System.IO.Directory.SetCurrentDirectory(System.IO.Path.GetFullPath({SymbolDisplay.FormatLiteral(relativeNotebookFolder, quote: true)}, " +
                    "(string)AppContext.GetData(\"EntryPointFileDirectoryPath\")!));\n\n");
        text.Append(app.Body);
        text.Append("// display(x) as in a notebook, as text on standard output.\n");
        text.Append("static void display(object? value, params string[] mimeTypes) => Notebook.Display(value, mimeTypes);\n");
        foreach (var type in app.Types)
            text.Append('\n').Append(type).Append('\n');
        return text.ToString();
    }

    private static string Comment(string markdown) =>
        string.Concat(markdown.TrimEnd().Split('\n').Select(line => (line.Length == 0 ? "//" : "// " + line) + "\n"));

    /// <summary>What the app collects from cells: directives, usings, statements in order, and type declarations (which C# wants last).</summary>
    private sealed class AppParts(string notebook, string appFolder)
    {
        private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

        public List<string> Projects { get; } = [];

        public List<string> Usings { get; } = [];

        public StringBuilder Body { get; } = new();

        public List<string> Types { get; } = [];

        public void AddCode(string code, string containingFile, int cell, bool isCell)
        {
            var containingFolder = Path.GetDirectoryName(containingFile)!;
            if (!isCell && AddExportLines(code, containingFolder))
                return;
            var remaining = new StringBuilder();
            foreach (var line in code.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
                {
                    AddReference(Quoted(trimmed, cell), containingFolder, cell);
                }
                else if (trimmed.StartsWith("#load ", StringComparison.Ordinal))
                {
                    if (isCell)
                        Body.Append($"// {trimmed}: its project references and usings are at the top.\n");
                    Load(Path.GetFullPath(Quoted(trimmed, cell), containingFolder), cell);
                }
                else
                {
                    remaining.Append(line).Append('\n');
                }
            }

            var root = CSharpSyntaxTree.ParseText(remaining.ToString(), CellCode.ParseOptions).GetCompilationUnitRoot();
            foreach (var directive in root.Usings)
            {
                if (directive.Alias is not null || directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || directive.Name is null)
                    throw new NotebookException($"{notebook}: cell {cell}: '{directive.ToString().Trim()}': only plain namespace usings can be exported.");
                Usings.Add(directive.Name.ToString());
            }
            var members = root.Members;
            for (var m = 0; m < members.Count; m++)
            {
                var member = members[m];
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    Types.Add(member.ToFullString().Trim());
                }
                else if (isCell && m == members.Count - 1 &&
                         member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
                {
                    Body.Append(last.GetLeadingTrivia().ToFullString())
                        .Append("display(").Append(last.Expression.ToString()).Append(");\n");
                }
                else
                {
                    Body.Append(member.ToFullString().TrimEnd()).Append('\n');
                }
            }
        }

        /// <summary>A loaded file's <c>// export:</c> lines in place of the file; false when it has none.</summary>
        private bool AddExportLines(string code, string containingFolder)
        {
            var lines = code.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(ExportPrefix, StringComparison.Ordinal))
                .Select(l => l[ExportPrefix.Length..].Trim()).ToList();
            foreach (var line in lines)
            {
                if (line.StartsWith("#:project ", StringComparison.Ordinal))
                {
                    var project = Path.GetRelativePath(appFolder, Path.GetFullPath(line["#:project ".Length..].Trim(), containingFolder)).Replace('\\', '/');
                    if (!Projects.Contains(project))
                        Projects.Add(project);
                }
                else if (line.StartsWith("using ", StringComparison.Ordinal) && line.EndsWith(';'))
                {
                    Usings.Add(line["using ".Length..^1].Trim());
                }
                else
                {
                    throw new NotebookException($"{notebook}: '{ExportPrefix}{line}': an export line is '#:project PATH' or 'using NAMESPACE;'.");
                }
            }

            return lines.Count > 0;
        }

        /// <summary>After the parameters cell: its variables from the command line, as <c>--param</c> does for a notebook run.</summary>
        public void AddArguments(string code, string appName)
        {
            var root = CSharpSyntaxTree.ParseText(code, CellCode.ParseOptions).GetCompilationUnitRoot();
            var names = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                .Where(v => v.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })
                .Select(v => v.Identifier.Text)
                .ToList();
            if (names.Count == 0)
                return;
            Body.Append($"// The parameters from the command line: dotnet run {appName} -- {names[0]}=VALUE ...\n");
            Body.Append($"AppArguments.Check(args, {string.Join(", ", names.Select(n => SymbolDisplay.FormatLiteral(n, quote: true)))});\n");
            foreach (var name in names)
                Body.Append($"{name} = AppArguments.Override(args, {SymbolDisplay.FormatLiteral(name, quote: true)}, {name});\n");
        }

        private void Load(string file, int cell)
        {
            if (!File.Exists(file))
                throw new NotebookException($"{notebook}: cell {cell}: #load \"{file}\": no such file.");
            // A file loaded twice is compiled once, as in a script.
            if (_loaded.Add(file))
                AddCode(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), file, cell, isCell: false);
        }

        /// <summary>A project's build output (<c>PROJECT/bin/CONFIG/TFM/x.dll</c>) becomes a reference to PROJECT.</summary>
        private void AddReference(string reference, string containingFolder, int cell)
        {
            if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                throw new NotebookException($"{notebook}: cell {cell}: #r \"{reference}\" cannot be exported: RecLab notebooks use only the RecLab build.");
            var dll = new FileInfo(Path.GetFullPath(reference, containingFolder));
            var bin = dll.Directory?.Parent?.Parent;
            var projectFolder = bin?.Name == "bin" ? bin.Parent : null;
            var projects = projectFolder?.GetFiles("*.csproj") ?? [];
            if (projects.Length != 1)
                throw new NotebookException(
                    $"{notebook}: cell {cell}: #r \"{reference}\" cannot be exported: it is not in a project's bin/CONFIG/TFM folder, and a file-based app references projects, not DLLs.");
            var project = Path.GetRelativePath(appFolder, projects[0].FullName).Replace('\\', '/');
            if (!Projects.Contains(project))
                Projects.Add(project);
        }

        private string Quoted(string directive, int cell)
        {
            var start = directive.IndexOf('"');
            var end = directive.LastIndexOf('"');
            return start >= 0 && end > start
                ? directive[(start + 1)..end]
                : throw new NotebookException($"{notebook}: cell {cell}: {directive}: expected a quoted path.");
        }
    }
}
