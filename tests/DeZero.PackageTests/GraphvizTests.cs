using System;
using System.IO;
using DeZero.PackageTests.Infrastructure;
using Xunit;

namespace DeZero.PackageTests;

/// <summary>DOT text of a graph, checked exactly against DeZero's <c>get_dot_graph</c> layout, and rendering by Graphviz.</summary>
public sealed class GraphvizTests
{
    // The seed's y = square(exp(square(x))) at 0.5. Read by hand: the output first, then each function from the output's
    // creator back (a box, its input edges, its output edge), then that function's inputs; ids in order of first mention.
    private const string SeedGraph = """
        digraph g {
        0 [label="y: () float64", color=orange, style=filled]
        1 [label="SquareFunction", color=lightblue, style=filled, shape=box]
        2 -> 1
        1 -> 0
        2 [label="() float64", color=orange, style=filled]
        3 [label="ExpFunction", color=lightblue, style=filled, shape=box]
        4 -> 3
        3 -> 2
        4 [label="() float64", color=orange, style=filled]
        5 [label="SquareFunction", color=lightblue, style=filled, shape=box]
        6 -> 5
        5 -> 4
        6 [label="x: () float64", color=orange, style=filled]
        }
        """;

    [Fact]
    public void ToDot_SeedGraph_MatchesDeZeroLayout()
    {
        Assert.Equal(SeedGraph, SeedOutput().ToDot());
    }

    [Fact]
    public void ToDot_StaticForm_SameAsExtension()
    {
        Assert.Equal(SeedGraph, Graphviz.ToDot(SeedOutput(), verbose: true));
    }

    [Fact]
    public void ToDot_NotVerbose_NamesOnly()
    {
        const string Expected = """
            digraph g {
            0 [label="y", color=orange, style=filled]
            1 [label="SquareFunction", color=lightblue, style=filled, shape=box]
            2 -> 1
            1 -> 0
            2 [label="", color=orange, style=filled]
            3 [label="ExpFunction", color=lightblue, style=filled, shape=box]
            4 -> 3
            3 -> 2
            4 [label="", color=orange, style=filled]
            5 [label="SquareFunction", color=lightblue, style=filled, shape=box]
            6 -> 5
            5 -> 4
            6 [label="x", color=orange, style=filled]
            }
            """;
        Assert.Equal(Expected, SeedOutput().ToDot(verbose: false));
    }

    [Fact]
    public void ToDot_Diamond_EachNodeOnceFunctionsInDeZeroStackOrder()
    {
        // y = square(x) * exp(x): Mul is visited first, then its inputs a and b pushed in order, so Exp (pushed last)
        // is popped before Square, as DeZero's funcs.pop() does. x is written once, though both functions use it.
        var x = new Variable(new NDArray([1.0, 2.0, 3.0]), "x");
        var a = Functions.Square(x);
        a.Name = "a";
        var y = Functions.Mul(a, Functions.Exp(x));

        const string Expected = """
            digraph g {
            0 [label="(3,) float64", color=orange, style=filled]
            1 [label="MulFunction", color=lightblue, style=filled, shape=box]
            2 -> 1
            3 -> 1
            1 -> 0
            2 [label="a: (3,) float64", color=orange, style=filled]
            3 [label="(3,) float64", color=orange, style=filled]
            4 [label="ExpFunction", color=lightblue, style=filled, shape=box]
            5 -> 4
            4 -> 3
            5 [label="x: (3,) float64", color=orange, style=filled]
            6 [label="SquareFunction", color=lightblue, style=filled, shape=box]
            5 -> 6
            6 -> 2
            }
            """;
        Assert.Equal(Expected, y.ToDot());
    }

    [Fact]
    public void ToDot_SameInputTwice_TwoEdgesOneNode()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3), "x");
        var y = Functions.Add(x, x);

        const string Expected = """
            digraph g {
            0 [label="(2, 3) float64", color=orange, style=filled]
            1 [label="AddFunction", color=lightblue, style=filled, shape=box]
            2 -> 1
            2 -> 1
            1 -> 0
            2 [label="x: (2, 3) float64", color=orange, style=filled]
            }
            """;
        Assert.Equal(Expected, y.ToDot());
    }

    [Fact]
    public void ToDot_UserFunction_ClassNameAsTheBookWrites()
    {
        var y = new Square().Call(new Variable(3.0));

        const string Expected = """
            digraph g {
            0 [label="() float64", color=orange, style=filled]
            1 [label="Square", color=lightblue, style=filled, shape=box]
            2 -> 1
            1 -> 0
            2 [label="() float64", color=orange, style=filled]
            }
            """;
        Assert.Equal(Expected, y.ToDot());
    }

    [Fact]
    public void ToDot_Leaf_OneNodeNoEdges()
    {
        Assert.Equal("digraph g {\n0 [label=\"x: () float64\", color=orange, style=filled]\n}", new Variable(1.0, "x").ToDot());
    }

    [Fact]
    public void ToDot_NameWithQuotesAndBackslash_Escaped()
    {
        var x = new Variable(1.0, "say \"hi\"\\");
        Assert.Equal("digraph g {\n0 [label=\"say \\\"hi\\\"\\\\: () float64\", color=orange, style=filled]\n}", x.ToDot());
    }

    [Fact]
    public void Render_NoExtension_ArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => SeedOutput().Render(Path.Combine(Path.GetTempPath(), "graph")));
        Assert.Contains("extension", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Render_Png_WritesAPngFile()
    {
        SkipUnlessDotInstalled();
        var folder = Directory.CreateTempSubdirectory("dezero-graph-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.png");
            SeedOutput().Render(path);

            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, $"A PNG of {bytes.Length} bytes is too small for a seven-node graph.");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        }
        finally
        {
            TempFolders.Delete(folder.FullName);
        }
    }

    [SkippableFact]
    public void Render_Svg_DrawsEveryFunction()
    {
        SkipUnlessDotInstalled();
        var folder = Directory.CreateTempSubdirectory("dezero-graph-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.svg");
            SeedOutput().Render(path);

            var svg = File.ReadAllText(path);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains(">ExpFunction<", svg, StringComparison.Ordinal);
            Assert.Contains(">x: () float64<", svg, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder.FullName);
        }
    }

    [SkippableFact]
    public void Render_FormatDotDoesNotKnow_GraphvizMessage()
    {
        SkipUnlessDotInstalled();
        var folder = Directory.CreateTempSubdirectory("dezero-graph-");
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => SeedOutput().Render(Path.Combine(folder.FullName, "graph.nosuchformat")));
            Assert.Contains("dot exited with code", e.Message, StringComparison.Ordinal);
            Assert.Contains("nosuchformat", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder.FullName);
        }
    }

    internal static Variable SeedOutput()
    {
        var x = new Variable(0.5, "x");
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Name = "y";
        return y;
    }

    internal static bool DotInstalled() => FindOnPath("dot") is not null;

    private static void SkipUnlessDotInstalled() =>
        Skip.IfNot(DotInstalled(), "Graphviz's dot is not on the PATH; install the Debian package graphviz (.ci/run does) to run this test.");

    private static string? FindOnPath(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? [program + ".exe"] : new[] { program })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed class Square : Function
    {
        public override NDArray Forward(NDArray x) => x * x;

        public override NDArray Backward(NDArray gy) => 2 * Input.Data * gy;
    }
}

/// <summary>Runs alone, after the parallel tests: it empties the PATH of this process for a moment.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PathChangingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Tests that change PATH";
}

/// <summary>Rendering without Graphviz installed says what to install.</summary>
[Collection(PathChangingCollection.Name)]
public sealed class GraphvizMissingTests
{
    [Fact]
    public void Render_DotNotOnPath_ClearMessage()
    {
        var folder = Directory.CreateTempSubdirectory("dezero-empty-path-");
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", folder.FullName);
            var e = Assert.Throws<InvalidOperationException>(() => GraphvizTests.SeedOutput().Render(Path.Combine(folder.FullName, "graph.png")));
            Assert.Contains("Graphviz's 'dot' program", e.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install graphviz", e.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "graph.png")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            TempFolders.Delete(folder.FullName);
        }
    }
}
