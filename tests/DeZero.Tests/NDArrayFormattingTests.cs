using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace DeZero.Tests;

// ToString: a 0-d array prints as Python's repr(float), anything else as numpy's str(); expected strings
// come from CPython and numpy themselves.
public sealed class NDArrayFormattingTests
{
    public static TheoryData<double[], int[], string> Arrays => new()
    {
        { [1, 2, 3], [3], "[1. 2. 3.]" },
        { [1, 2, 3, 4], [2, 2], "[[1. 2.]\n [3. 4.]]" },
        { [0.5, 1.25], [2], "[0.5  1.25]" },
        { [-1, 2], [2], "[-1.  2.]" },
        { [1.0 / 3, 2.0 / 3], [2], "[0.33333333 0.66666667]" },
        { [0.1 + 0.2, 1], [2], "[0.3 1. ]" },
        { [1e-5, 1], [2], "[1.e-05 1.e+00]" },
        { [1.5e-5, 1], [2], "[1.5e-05 1.0e+00]" },
        { [1e8], [1], "[1.e+08]" },
        { [12345678], [1], "[12345678.]" },
        { [1, 1000], [2], "[   1. 1000.]" },
        { [1, 1001], [2], "[1.000e+00 1.001e+03]" },
        { [double.NaN, 1], [2], "[nan  1.]" },
        { [double.NaN, double.PositiveInfinity], [2], "[nan inf]" },
        { [double.NegativeInfinity, 1.5], [2], "[-inf  1.5]" },
        { [0.0, -0.0], [2], "[ 0. -0.]" },
        { [1e300, 1], [2], "[1.e+300 1.e+000]" },
        { [100, 0.5], [2], "[100.    0.5]" },
        { [-0.5, -1.25, 3], [3], "[-0.5  -1.25  3.  ]" },
        { [double.Epsilon, 1], [2], "[5.e-324 1.e+000]" },
        { [double.Epsilon, 1.5], [2], "[4.9e-324 1.5e+000]" },
        { [], [0], "[]" },
        { [], [2, 0], "[]" },
    };

    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(1.648721270700128, "1.648721270700128")]
    [InlineData(4.000000000004, "4.000000000004")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    public void ToString_ZeroDimensional_PrintsAsPythonFloat(double value, string expected)
    {
        NDArray x = value;

        Assert.Equal(expected, x.ToString());
    }

    [Theory]
    [MemberData(nameof(Arrays))]
    public void ToString_HigherRank_PrintsAsNumpyStr(double[] data, int[] shape, string expected)
    {
        Assert.Equal(expected, NDArray.Wrap(data, shape).ToString());
    }

    [Fact]
    public void ToString_LongVector_WrapsAt75Columns()
    {
        var x = new NDArray(Enumerable.Range(0, 30).Select(i => (double)i).ToArray());

        Assert.Equal(
            "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]",
            x.ToString());
    }

    [Fact]
    public void ToString_Rank3_SeparatesBlocksWithABlankLine()
    {
        var x = new NDArray(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), 2, 2, 3);

        Assert.Equal("[[[ 0.  1.  2.]\n  [ 3.  4.  5.]]\n\n [[ 6.  7.  8.]\n  [ 9. 10. 11.]]]", x.ToString());
    }

    [Fact]
    public void ToString_MoreThanAThousandElements_Summarizes()
    {
        var x = new NDArray(Enumerable.Range(0, 2000).Select(i => (double)i).ToArray());

        Assert.Equal("[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]", x.ToString());
    }

    [Fact]
    public void ToString_UnderSwedishCulture_StaysInvariant()
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = sv;

            // The test means something only if this culture really writes a decimal comma and a Unicode minus.
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("\u22121,5", (-1.5).ToString(CultureInfo.CurrentCulture));

            Assert.Equal("0.5", ((NDArray)0.5).ToString());
            Assert.Equal("-1.5", ((NDArray)(-1.5)).ToString());
            Assert.Equal("1e-05", ((NDArray)1e-5).ToString());
            Assert.Equal("[-0.5   1.25]", new NDArray([-0.5, 1.25]).ToString());
            Assert.Equal("[-1.5e-05  1.0e+00]", new NDArray([-1.5e-5, 1]).ToString());
            Assert.Equal("variable(3.297442541400256)", new Variable(3.297442541400256).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
