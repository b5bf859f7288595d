using System.Linq;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// A span keeps the array it views, but the generator lowers a view to its array's name: a local array that a span views
/// and that is given a new array is refused at the new array, never differentiated into a wrong number.
/// </summary>
public sealed class ArrayViewDiagnosticsTests
{
    public static TheoryData<string> Cases =>
    [
        // The view is declared first, the array replaced afterwards.
        """
        public static partial class Ops
        {
            [Differentiable]
            public static double F(System.ReadOnlySpan<double> x)
            {
                double[] t = new double[2];
                System.Span<double> v = t.AsSpan(0, 2);
                v[0] = x[0];
                t = {|UnsupportedExpression:new double[2]|};
                return v[0];
            }
        }
        """,
        // In a loop: the second iteration writes the new array and reads the old one through the view.
        """
        public static partial class Ops
        {
            [Differentiable]
            public static double F(System.ReadOnlySpan<double> x)
            {
                double[] t = new double[2];
                System.ReadOnlySpan<double> v = t.AsSpan(1);
                double s = 0;
                for (int i = 0; i < 2; i++)
                {
                    t[1] = x[i];
                    s += v[0];
                    t = {|UnsupportedExpression:new double[2]|};
                }

                return s;
            }
        }
        """,
        // foreach runs over the array it started with, which the body replaces.
        """
        public static partial class Ops
        {
            [Differentiable]
            public static double F(System.ReadOnlySpan<double> x)
            {
                double[] t = new double[2];
                t[0] = x[0];
                double s = 0;
                foreach (var e in t)
                {
                    s += e;
                    t = {|UnsupportedExpression:new double[2]|};
                }

                return s;
            }
        }
        """,
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_ViewedArrayReplaced_ReportsErrorAtTheNewArray(string markup)
    {
        var (source, expected) = Markup.Parse("using System;\nusing DeZero;\n\n" + markup);

        var result = GeneratorHarness.Run(source);

        result.AssertInputCompiles();
        result.AssertCompiles();
        var diagnostic = Assert.Single(result.Diagnostics);
        var wanted = Assert.Single(expected);
        Assert.Equal((wanted.Id, wanted.Span), (diagnostic.Id, diagnostic.Location.SourceSpan));
        Assert.Contains("a span views 't'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("FWithGradient", result.MemberNames("Ops"));
    }

    [Fact]
    public void Generate_ArrayReplacedWithoutViews_Differentiates()
    {
        var result = GeneratorHarness.Run("""
            using DeZero;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(System.ReadOnlySpan<double> x)
                {
                    double[] t = new double[2];
                    double s = 0;
                    for (int i = 0; i < 2; i++)
                    {
                        t[i] = x[i];
                        s += t[0] * t[1];
                        t = new double[2];
                    }

                    return s;
                }
            }
            """);

        result.AssertCompiles();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("FWithGradient", result.MemberNames("Ops"));
    }
}
