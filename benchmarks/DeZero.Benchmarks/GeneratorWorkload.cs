using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeZero.Benchmarks;

/// <summary>
/// The sources case 5 feeds the generator: 1,000 [Differentiable] methods over 100 files in five shapes a user
/// writes (expression body, locals, branch, loop with an int parameter, a call to another method), and one method whose
/// body has 10,000 operations.
/// </summary>
internal static class GeneratorWorkload
{
    public const int Files = 100;
    public const int MethodsPerFile = 10;
    public const int BigOperations = 10_000;

    /// <summary>The file and method that the edit benchmark changes.</summary>
    public const int EditedFile = Files / 2;

    private static readonly CSharpParseOptions s_parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Variable).Assembly.Location)];

    /// <summary>The 100 files, parsed once.</summary>
    public static SyntaxTree[] ManyFiles() =>
        Enumerable.Range(0, Files).Select(f => Parse(File(f, edit: 0), $"Ops{f}.cs")).ToArray();

    /// <summary>
    /// The edited file: its first method's constant changed, the rest as before. Each call parses a new tree, as each
    /// keystroke gives the IDE one: an edit benchmark that handed the driver the same two tree objects in turn would
    /// let a cache keyed by tree serve the edited file too.
    /// </summary>
    public static SyntaxTree EditedTree(int edit) => Parse(File(EditedFile, edit), $"Ops{EditedFile}.cs");

    /// <summary>The file with one 10,000-operation method.</summary>
    public static SyntaxTree BigTree() => Parse(BigFile(), "Big.cs");

    /// <summary>A fresh compilation of <paramref name="trees"/> (no semantic work done yet) against .NET 10 and the runtime.</summary>
    public static CSharpCompilation Compile(params SyntaxTree[] trees) =>
        CSharpCompilation.Create(
            "Workload",
            trees,
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// A driver for <paramref name="generator"/>. With <paramref name="track"/> the driver records every step's
    /// outputs so the probe can say what re-ran; a build and the IDE run without, and so do the timed runs.
    /// </summary>
    public static GeneratorDriver Driver(IIncrementalGenerator generator, bool track = false) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: s_parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, s_parse, path);

    private static string File(int file, int edit)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using DeZero;");
        text.AppendLine("namespace Workload;");
        text.AppendLine($"public static partial class Ops{file}");
        text.AppendLine("{");
        for (var m = 0; m < MethodsPerFile; m++)
        {
            var index = (file * MethodsPerFile) + m;
            // The edit changes one constant of one method: a real edit, and only that method's output should move.
            var c = (1.0 + (index * 0.001) + (file == EditedFile && m == 0 ? edit : 0)).ToString("R", CultureInfo.InvariantCulture);
            if (!c.Contains('.', StringComparison.Ordinal) && !c.Contains('E', StringComparison.Ordinal))
            {
                c += ".0";
            }

            text.AppendLine("    [Differentiable]");
            text.AppendLine((index % 5) switch
            {
                0 => $"    public static double M{index}(double x, double y) => Math.Sin(x * {c}) * Math.Exp(-y * y) + x * x / (1.0 + y * y);",
                1 => $$"""
                        public static double M{{index}}(double x, double y)
                        {
                            double a = x * y + {{c}};
                            double b = Math.Log(1.0 + a * a);
                            return Math.Tanh(b) * Math.Sqrt(1.0 + x * x) - b / (2.0 + Math.Cos(y));
                        }
                    """,
                2 => $$"""
                        public static double M{{index}}(double x, double y)
                        {
                            double r = x - y * {{c}};
                            if (r > 0.0)
                            {
                                r = r * r;
                            }
                            else
                            {
                                r = -r;
                            }
                            return Math.Pow(r + 1.0, 1.5) + Math.Atan2(x, y + 2.0);
                        }
                    """,
                3 => $$"""
                        public static double M{{index}}(double x, int n)
                        {
                            double s = 0.0;
                            for (int k = 0; k < n; k++)
                            {
                                s = s * x + Math.Cos(s) * {{c}};
                            }
                            return s;
                        }
                    """,
                _ => $"    public static double M{index}(double x, double y) => M{index - 4}(x, y) * {c} + (1.0 - x) * (1.0 - x);",
            });
        }

        text.AppendLine("}");
        return text.ToString();
    }

    // 2,000 pairs of statements of five operations each (*, +, Sin; -, *): 10,000 operations, straight-line.
    private static string BigFile()
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using DeZero;");
        text.AppendLine("namespace Workload;");
        text.AppendLine("public static partial class Big");
        text.AppendLine("{");
        text.AppendLine("    [Differentiable]");
        text.AppendLine("    public static double Long(double x, double y)");
        text.AppendLine("    {");
        text.AppendLine("        double a = x;");
        text.AppendLine("        double b = y;");
        for (var i = 0; i < BigOperations / 5; i++)
        {
            text.AppendLine("        a = a * 0.5 + Math.Sin(b);");
            text.AppendLine("        b = b - a * 0.25;");
        }

        text.AppendLine("        return a;");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }
}
