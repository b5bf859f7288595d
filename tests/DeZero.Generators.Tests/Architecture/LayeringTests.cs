using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DeZero.Generators.Tests.Architecture;

/// <summary>
/// The generator's dependencies run one way: Model is the floor; Parsing may use Model and Diagnostics; Calculus
/// Model only; Emitting Model only; only the pipeline at the root names them all. Calculus and Emitting know nothing
/// of Roslyn. Checked by binding every source file of the generator and looking at the namespace of every symbol it
/// names, so a qualified name or a using of a sibling layer fails the same as a type from it.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "DeZero.Generators";

    /// <summary>For each layer (namespace under the root, one per folder), the layers it may name besides itself.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Model"] = [],
        ["Diagnostics"] = ["Model"],
        ["Parsing"] = ["Model", "Diagnostics"],
        ["Calculus"] = ["Model"],
        ["Emitting"] = ["Model"],
    };

    private static readonly string[] WithoutRoslyn = ["Calculus", "Emitting"];

    [Fact]
    public void GeneratorSources_EachLayer_NamesOnlyTheLayersBelowIt()
    {
        var violations = new List<string>();
        var named = new HashSet<(string From, string To)>();
        foreach (var (tree, model) in BoundSources())
        {
            var layer = LayerOf(tree);
            foreach (var (node, space) in NamedNamespaces(tree, model))
            {
                var target = space == Root ? "(root)" : space.StartsWith(Root + ".", StringComparison.Ordinal) ? space[(Root.Length + 1)..].Split('.')[0] : null;
                var where = $"{Path.GetFileName(tree.FilePath)}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} '{node}'";
                if (layer is not null && target is not null && target != layer)
                {
                    named.Add((layer, target));
                    if (!Allowed[layer].Contains(target))
                    {
                        violations.Add($"{layer} names {target}: {where}");
                    }
                }

                if (layer is not null && WithoutRoslyn.Contains(layer) && space.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    violations.Add($"{layer} names Roslyn ({space}): {where}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Dependencies that run the wrong way:\n" + string.Join("\n", violations.Distinct()));

        // The walk really sees dependencies: the allowed ones that exist today are found.
        Assert.Contains(("Parsing", "Model"), named);
        Assert.Contains(("Calculus", "Model"), named);
        Assert.Contains(("Emitting", "Model"), named);
    }

    [Fact]
    public void GeneratorSources_EveryFolder_IsOneNamespace()
    {
        foreach (var (tree, _) in BoundSources())
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(tree.FilePath)!);
            var declared = tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString();
            var expected = folder == Root ? Root : Root + "." + folder;
            Assert.True(declared == expected, $"{Path.GetFileName(tree.FilePath)} in folder {folder} declares namespace {declared}, not {expected}");
        }
    }

    [Fact]
    public void Layers_EveryFolder_HasItsRule()
    {
        var folders = Directory.GetDirectories(GeneratorDirectory()).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToArray();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    /// <summary>The layer a file belongs to, from its namespace; null for the root (the pipeline), which may name any.</summary>
    private static string? LayerOf(SyntaxTree tree)
    {
        var name = tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString();
        return name == Root ? null : name[(Root.Length + 1)..];
    }

    /// <summary>Every namespace a file names: of each symbol a name binds to, and of each using directive.</summary>
    private static IEnumerable<(SyntaxNode Node, string Namespace)> NamedNamespaces(SyntaxTree tree, SemanticModel model)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            // A using directive by its whole name; any other name by the symbol it binds to, where that is not a
            // namespace (the left part of Model.Convert, or a namespace declaration's own name).
            ISymbol? symbol = node switch
            {
                UsingDirectiveSyntax { Name: { } name } => model.GetSymbolInfo(name).Symbol,
                SimpleNameSyntax name when !name.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(name.Span)))
                    => model.GetSymbolInfo(name).Symbol is { } bound and not INamespaceSymbol ? bound : null,
                _ => null,
            };
            var space = symbol switch
            {
                null => null,
                INamespaceSymbol ns => ns.ToDisplayString(),
                _ => symbol.ContainingNamespace?.ToDisplayString(),
            };
            if (space is not null)
            {
                yield return (node, space);
            }
        }
    }

    private static IEnumerable<(SyntaxTree Tree, SemanticModel Model)> BoundSources()
    {
        var directory = GeneratorDirectory();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f))
            .ToArray();
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Concat([MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location), MetadataReference.CreateFromFile(typeof(CSharpCompilation).Assembly.Location)]);
        var compilation = CSharpCompilation.Create("Layering", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToArray();
        Assert.True(errors.Length == 0, "The generator's sources did not bind:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        return trees.Select(t => (t, compilation.GetSemanticModel(t)));
    }

    private static string GeneratorDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "generator", "DeZero.Generators"));
}
