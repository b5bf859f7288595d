using System;
using Xunit;

namespace DeZero.Tests;

// NDArray to and from spans and .NET arrays of any rank: shapes, round trips, copying, errors.
// (Tensor<double> conversions are in NDArrayTests.)
public sealed class InteropTests
{
    [Fact]
    public void FromSpan_WithoutShape_MakesAVector()
    {
        ReadOnlySpan<double> data = [1.0, 2.0, 3.0];

        var x = NDArray.FromSpan(data);

        Assert.Equal([3], x.Shape);
        Assert.Equal([1.0, 2.0, 3.0], x.ToArray());
    }

    [Fact]
    public void FromSpan_WithShape_IndexesRowMajor()
    {
        var x = NDArray.FromSpan([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(4.0, x[1, 0]);
        Assert.Equal(6.0, x[1, 2]);
    }

    [Fact]
    public void FromSpan_WithoutShape_EmptyOrSingleElement_IsStillAVector()
    {
        // No shape means 1-d, as for the constructor; an empty span gives an empty vector.
        Assert.Equal([0], NDArray.FromSpan(ReadOnlySpan<double>.Empty).Shape);
        Assert.Equal([1], NDArray.FromSpan([7.0]).Shape);
    }

    [Fact]
    public void FromSpan_CopiesTheDataAndTheShape()
    {
        var data = new double[] { 1.0, 2.0, 3.0, 4.0 };
        var shape = new[] { 2, 2 };

        var x = NDArray.FromSpan(data, shape);
        data[0] = 99.0;
        shape[0] = 4;
        shape[1] = 1;

        Assert.Equal(1.0, x[0, 0]);
        Assert.Equal([2, 2], x.Shape);
    }

    [Fact]
    public void FromSpan_ShapeNotMatchingData_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => NDArray.FromSpan([1.0, 2.0, 3.0], 2, 2));

        Assert.Equal("shape", e.ParamName);
        Assert.Contains("(2, 2)", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 elements", e.Message, StringComparison.Ordinal);
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSpan_NegativeAxisOrNullShape_Throws()
    {
        Assert.Throws<ArgumentException>(() => NDArray.FromSpan([1.0], -1));
        Assert.Throws<ArgumentNullException>(() => NDArray.FromSpan([1.0], null!));
    }

    [Fact]
    public void CopyTo_ExactLength_CopiesRowMajor()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2);
        var destination = new double[4];

        x.CopyTo(destination);

        Assert.Equal([1.0, 2.0, 3.0, 4.0], destination);
    }

    [Fact]
    public void CopyTo_LongerDestination_LeavesTheRestAlone()
    {
        var x = new NDArray([1.0, 2.0]);
        var destination = new[] { -1.0, -1.0, -1.0 };

        x.CopyTo(destination);

        Assert.Equal([1.0, 2.0, -1.0], destination);
    }

    [Fact]
    public void CopyTo_ZeroDimensional_WritesItsOneElement()
    {
        NDArray x = 2.5;
        Span<double> destination = stackalloc double[1];

        x.CopyTo(destination);

        Assert.Equal(2.5, destination[0]);
    }

    [Fact]
    public void CopyTo_DoesNotAlias()
    {
        var x = new NDArray([1.0, 2.0]);
        var destination = new double[2];

        x.CopyTo(destination);
        destination[0] = 99.0;

        Assert.Equal(1.0, x[0]);
    }

    [Fact]
    public void CopyTo_TooShort_ThrowsNamingBothLengthsAndLeavesDestinationAlone()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3);
        var destination = new[] { -1.0, -1.0, -1.0, -1.0, -1.0 };

        var e = Assert.Throws<ArgumentException>(() => x.CopyTo(destination));

        Assert.Equal("destination", e.ParamName);
        Assert.Contains("holds 5 elements", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 6", e.Message, StringComparison.Ordinal);
        Assert.All(destination, d => Assert.Equal(-1.0, d));
    }

    [Fact]
    public void FromArray_Vector_IsOneDimensional()
    {
        var x = NDArray.FromArray(new[] { 1.0, 2.0, 3.0 });

        Assert.Equal([3], x.Shape);
        Assert.Equal([1.0, 2.0, 3.0], x.ToArray());
    }

    [Fact]
    public void FromArray_Matrix_TakesShapeFromLengthsAndReadsRowMajor()
    {
        var x = NDArray.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], x.ToArray());
        Assert.Equal(6.0, x[1, 2]);
    }

    [Fact]
    public void FromArray_RankThree_MatchesEveryIndex()
    {
        var source = new double[2, 3, 4];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 4; k++)
                {
                    source[i, j, k] = (100 * i) + (10 * j) + k;
                }
            }
        }

        var x = NDArray.FromArray(source);

        Assert.Equal([2, 3, 4], x.Shape);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 4; k++)
                {
                    Assert.Equal(source[i, j, k], x[i, j, k]);
                }
            }
        }
    }

    [Fact]
    public void FromArray_HigherRankFromCreateInstance_KeepsShape()
    {
        var source = Array.CreateInstance(typeof(double), 2, 1, 2, 1, 2);
        source.SetValue(5.0, 1, 0, 1, 0, 1);

        var x = NDArray.FromArray(source);

        Assert.Equal([2, 1, 2, 1, 2], x.Shape);
        Assert.Equal(5.0, x[1, 0, 1, 0, 1]);
        Assert.Equal(5.0, x.ToArray()[^1]);
    }

    [Fact]
    public void FromArray_EmptyAxes_KeepTheirLengths()
    {
        var x = NDArray.FromArray(new double[0, 3]);

        Assert.Equal([0, 3], x.Shape);
        Assert.Equal(0, x.Size);
    }

    [Fact]
    public void FromArray_NonZeroLowerBounds_AreIgnored()
    {
        var source = Array.CreateInstance(typeof(double), [2, 2], [1, 5]);
        source.SetValue(3.0, 2, 5);

        var x = NDArray.FromArray(source);

        Assert.Equal([2, 2], x.Shape);
        Assert.Equal(3.0, x[1, 0]);
    }

    [Fact]
    public void FromArray_CopiesTheData()
    {
        var vector = new[] { 1.0, 2.0 };
        var matrix = new double[,] { { 1, 2 }, { 3, 4 } };

        var x = NDArray.FromArray(vector);
        var m = NDArray.FromArray(matrix);
        vector[0] = 99.0;
        matrix[1, 1] = 99.0;

        Assert.Equal(1.0, x[0]);
        Assert.Equal(4.0, m[1, 1]);
    }

    [Theory]
    [InlineData(typeof(float))]
    [InlineData(typeof(int))]
    [InlineData(typeof(object))]
    [InlineData(typeof(double[]))]
    public void FromArray_NonDoubleElements_ThrowsNamingTheType(Type elementType)
    {
        var source = Array.CreateInstance(elementType, 2, 2);

        var e = Assert.Throws<ArgumentException>(() => NDArray.FromArray(source));

        Assert.Equal("array", e.ParamName);
        Assert.Contains("array of double", e.Message, StringComparison.Ordinal);
        Assert.Contains(elementType.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArray_JaggedArray_ThrowsNamingTheType()
    {
        double[][] jagged = [[1.0, 2.0], [3.0, 4.0]];

        var e = Assert.Throws<ArgumentException>(() => NDArray.FromArray(jagged));

        Assert.Contains("System.Double[][]", e.Message, StringComparison.Ordinal);
        Assert.Contains("jagged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArray_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => NDArray.FromArray(null!));
    }

    [Fact]
    public void ToMultidimensionalArray_RankOne_IsADoubleVector()
    {
        var x = new NDArray([1.0, 2.0, 3.0]);

        var result = x.ToMultidimensionalArray();

        var vector = Assert.IsType<double[]>(result);
        Assert.Equal([1.0, 2.0, 3.0], vector);
    }

    [Fact]
    public void ToMultidimensionalArray_RankTwoAndThree_HaveTheShapeAndElements()
    {
        var m = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, 2);
        var t = new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 2, 2, 2);

        var matrix = Assert.IsType<double[,]>(m.ToMultidimensionalArray());
        var cube = Assert.IsType<double[,,]>(t.ToMultidimensionalArray());

        Assert.Equal(3, matrix.GetLength(0));
        Assert.Equal(2, matrix.GetLength(1));
        Assert.Equal(6.0, matrix[2, 1]);
        Assert.Equal(3.0, matrix[1, 0]);
        Assert.Equal(7.0, cube[1, 1, 0]);
        Assert.Equal(2.0, cube[0, 0, 1]);
    }

    [Fact]
    public void ToMultidimensionalArray_ZeroDimensional_IsAOneElementVector()
    {
        NDArray x = 2.5;

        var vector = Assert.IsType<double[]>(x.ToMultidimensionalArray());

        Assert.Equal([2.5], vector);
    }

    [Fact]
    public void ToMultidimensionalArray_EmptyAxes_KeepTheirLengths()
    {
        var result = NDArray.Zeros(2, 0, 3).ToMultidimensionalArray();

        Assert.Equal(3, result.Rank);
        Assert.Equal(0, result.GetLength(1));
        Assert.Equal(2, result.GetLength(0));
        Assert.Equal(3, result.GetLength(2));
    }

    [Fact]
    public void ToMultidimensionalArray_IsACopy()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2);

        var matrix = (double[,])x.ToMultidimensionalArray();
        matrix[0, 0] = 99.0;

        Assert.Equal(1.0, x[0, 0]);
        Assert.Equal(1.0, ((double[,])x.ToMultidimensionalArray())[0, 0]);
    }

    [Fact]
    public void ToMultidimensionalArray_MoreThanThirtyTwoAxes_ThrowsNamingTheLimit()
    {
        var shape = new int[33];
        Array.Fill(shape, 1);
        var x = NDArray.Ones(shape);

        var e = Assert.Throws<InvalidOperationException>(() => x.ToMultidimensionalArray());

        Assert.Contains("at most 32 dimensions", e.Message, StringComparison.Ordinal);
        Assert.Contains("ToArray()", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToArray2D_RoundTripsThroughFromArray()
    {
        var source = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        var back = NDArray.FromArray(source).ToArray2D();

        Assert.Equal(source, back);
        Assert.NotSame(source, back);
    }

    [Fact]
    public void ToArray2D_IsACopy()
    {
        var x = new NDArray([1.0, 2.0, 3.0, 4.0], 2, 2);

        var matrix = x.ToArray2D();
        matrix[1, 1] = 99.0;

        Assert.Equal(4.0, x[1, 1]);
    }

    [Theory]
    [InlineData(new int[0], "()")]
    [InlineData(new[] { 4 }, "(4,)")]
    [InlineData(new[] { 1, 2, 2 }, "(1, 2, 2)")]
    public void ToArray2D_OtherRanks_ThrowNamingTheShape(int[] shape, string shapeText)
    {
        var x = NDArray.Zeros(shape);

        var e = Assert.Throws<InvalidOperationException>(() => x.ToArray2D());

        Assert.Contains("needs a 2-d array", e.Message, StringComparison.Ordinal);
        Assert.Contains(shapeText, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrips_EveryRankUpToFour_KeepShapeAndElements()
    {
        for (var rank = 1; rank <= 4; rank++)
        {
            var shape = new int[rank];
            for (var axis = 0; axis < rank; axis++)
            {
                shape[axis] = axis + 2;
            }

            var size = 1;
            foreach (var n in shape)
            {
                size *= n;
            }

            var data = new double[size];
            for (var i = 0; i < size; i++)
            {
                data[i] = (i * 0.5) - 3.0;
            }

            var x = new NDArray(data, shape);

            var viaArray = NDArray.FromArray(x.ToMultidimensionalArray());
            var span = new double[size];
            x.CopyTo(span);
            var viaSpan = NDArray.FromSpan(span, shape);

            Assert.Equal(shape, viaArray.Shape);
            Assert.Equal(data, viaArray.ToArray());
            Assert.Equal(shape, viaSpan.Shape);
            Assert.Equal(data, viaSpan.ToArray());
        }
    }
}
