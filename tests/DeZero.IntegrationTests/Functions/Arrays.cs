using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Methods of arrays and spans, differentiated in reverse mode; each has a hand-derived gradient in ArrayTests.</summary>
public static partial class Arrays
{
    [Differentiable]
    public static double Sum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += v;
        }

        return s;
    }

    [Differentiable]
    public static double SumSquares(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
        }

        return s;
    }

    [Differentiable]
    public static double Dot(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }

    [Differentiable]
    public static double DotBoth(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [Differentiable]
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(SumSquares(x));

    [Differentiable]
    public static double Mean(ReadOnlySpan<double> x) => Sum(x) / x.Length;

    [Differentiable]
    public static double Variance(ReadOnlySpan<double> x)
    {
        double m = Mean(x);
        double s = 0;
        foreach (var v in x)
        {
            double d = v - m;
            s += d * d;
        }

        return s / x.Length;
    }

    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
            {
                m = x[i];
            }
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Exp(x[i] - m);
        }

        return m + Math.Log(s);
    }

    /// <summary>Softmax cross-entropy of logits against an int label: -log softmax(z)[label].</summary>
    [Differentiable]
    public static double CrossEntropy(ReadOnlySpan<double> z, int label) => LogSumExp(z) - z[label];

    /// <summary>Logistic regression: Σᵢ log(1 + exp(-yᵢ (w·xᵢ + b))) over a flattened n × features matrix.</summary>
    [Differentiable]
    public static double LogisticLoss(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys, int features)
    {
        double loss = 0;
        for (int i = 0; i < ys.Length; i++)
        {
            double z = b;
            for (int j = 0; j < features; j++)
            {
                z += w[j] * xs[i * features + j];
            }

            loss += Math.Log(1 + Math.Exp(-ys[i] * z));
        }

        return loss;
    }

    /// <summary>Least squares of a polynomial: Σᵢ (Σₖ cₖ tᵢᵏ - yᵢ)².</summary>
    [Differentiable]
    public static double PolynomialFit(ReadOnlySpan<double> c, [NoDerivative] ReadOnlySpan<double> t, [NoDerivative] ReadOnlySpan<double> y)
    {
        double loss = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double p = 0;
            double power = 1;
            for (int k = 0; k < c.Length; k++)
            {
                p += c[k] * power;
                power *= t[i];
            }

            double r = p - y[i];
            loss += r * r;
        }

        return loss;
    }

    /// <summary>Horner's rule: both the coefficients and the point are differentiated.</summary>
    [Differentiable]
    public static double Horner(ReadOnlySpan<double> c, double t)
    {
        double p = 0;
        for (int k = c.Length - 1; k >= 0; k--)
        {
            p = p * t + c[k];
        }

        return p;
    }

    /// <summary>The sum of squares of the prefix sums, through a local scratch array.</summary>
    [Differentiable]
    public static double PrefixSquares(ReadOnlySpan<double> x)
    {
        double[] prefix = new double[x.Length];
        double running = 0;
        for (int i = 0; i < x.Length; i++)
        {
            running += x[i];
            prefix[i] = running;
        }

        double s = 0;
        for (int i = 0; i < prefix.Length; i++)
        {
            s += prefix[i] * prefix[i];
        }

        return s;
    }

    /// <summary>Per-element branches: the Huber loss of each element, δ = 1.</summary>
    [Differentiable]
    public static double Huber(ReadOnlySpan<double> r)
    {
        double s = 0;
        foreach (var v in r)
        {
            if (Math.Abs(v) <= 1)
            {
                s += 0.5 * v * v;
            }
            else
            {
                s += Math.Abs(v) - 0.5;
            }
        }

        return s;
    }

    /// <summary>The sum of the norms of the rows of a flattened matrix, each through a call on the row's slice.</summary>
    [Differentiable]
    public static double RowNorms(ReadOnlySpan<double> a, int columns)
    {
        double s = 0;
        for (int i = 0; i < a.Length / columns; i++)
        {
            s += Norm(a.Slice(i * columns, columns));
        }

        return s;
    }

    /// <summary>Σ xᵢ·iᵗʰ weight by recursion over slices: x[0]·w + rest with a growing weight.</summary>
    [Differentiable]
    public static double WeightedRecursive(ReadOnlySpan<double> x, double w)
    {
        if (x.Length == 0)
        {
            return 0;
        }

        return x[0] * w + WeightedRecursive(x.Slice(1), w + 1);
    }

    /// <summary>The determinant by cofactor expansion, row by row, marking the columns used in an int array.</summary>
    [Differentiable]
    public static double Determinant(ReadOnlySpan<double> a, int n)
    {
        int[] used = new int[n];
        return Minor(a, n, used, 0);
    }

    /// <summary>The minor of the rows from <paramref name="row"/> on and the columns not yet used; marks are set and cleared again.</summary>
    [Differentiable]
    public static double Minor(ReadOnlySpan<double> a, int n, int[] used, int row)
    {
        if (row == n)
        {
            return 1;
        }

        double det = 0;
        double sign = 1;
        for (int column = 0; column < n; column++)
        {
            if (used[column] != 0)
            {
                continue;
            }

            used[column] = 1;
            det += sign * a[row * n + column] * Minor(a, n, used, row + 1);
            used[column] = 0;
            sign = -sign;
        }

        return det;
    }

    /// <summary>
    /// y' = -k·y integrated by RK4 from y(0) = y0 over <paramref name="steps"/> steps of h: both k and y0 in one array, and
    /// the stages in a local scratch array.
    /// </summary>
    [Differentiable]
    public static double Rk4Decay(ReadOnlySpan<double> parameters, [NoDerivative] double h, int steps)
    {
        double k = parameters[0];
        double y = parameters[1];
        Span<double> stage = stackalloc double[4];
        for (int n = 0; n < steps; n++)
        {
            stage[0] = -k * y;
            stage[1] = -k * (y + h / 2 * stage[0]);
            stage[2] = -k * (y + h / 2 * stage[1]);
            stage[3] = -k * (y + h * stage[2]);
            y += h / 6 * (stage[0] + 2 * stage[1] + 2 * stage[2] + stage[3]);
        }

        return y;
    }

    /// <summary>A one-dimensional Gaussian mixture's log-likelihood: Σᵢ log Σₖ αₖ N(xᵢ; μₖ, 1), weights given directly.</summary>
    [Differentiable]
    public static double MixtureLogLikelihood(ReadOnlySpan<double> alpha, ReadOnlySpan<double> mu, [NoDerivative] ReadOnlySpan<double> x)
    {
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double p = 0;
            for (int k = 0; k < alpha.Length; k++)
            {
                double d = x[i] - mu[k];
                p += alpha[k] * Math.Exp(-0.5 * d * d) / Math.Sqrt(2 * Math.PI);
            }

            total += Math.Log(p);
        }

        return total;
    }

    [Differentiable]
    public static double Product(ReadOnlySpan<double> x)
    {
        double p = 1;
        foreach (var v in x)
        {
            p *= v;
        }

        return p;
    }

    [Differentiable]
    public static double MaxElement(ReadOnlySpan<double> x)
    {
        double m = double.NegativeInfinity;
        foreach (var v in x)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    /// <summary>‖A v‖² of a flattened square matrix A and a vector v, both differentiated.</summary>
    [Differentiable]
    public static double MatrixVectorNorm(ReadOnlySpan<double> a, ReadOnlySpan<double> v)
    {
        int n = v.Length;
        Span<double> av = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                av[i] += a[i * n + j] * v[j];
            }
        }

        return SumSquares(av);
    }

    /// <summary>Compound element writes into a local array: a = 2x, then each element squared, then summed.</summary>
    [Differentiable]
    public static double CompoundElements(ReadOnlySpan<double> x)
    {
        double[] a = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            a[i] += 2 * x[i];
            a[i] *= a[i];
            a[i]++;
        }

        return Sum(a);
    }

    /// <summary>Σ x[idx[k]]²: a gather through an int[] parameter; repeated indices add up.</summary>
    [Differentiable]
    public static double Gather(ReadOnlySpan<double> x, int[] idx)
    {
        double s = 0;
        foreach (var k in idx)
        {
            s += x[k] * x[k];
        }

        return s;
    }

    /// <summary>Σᵢⱼ Aᵢⱼ Bⱼᵢ = trace(A·B) of two flattened n × n matrices.</summary>
    [Differentiable]
    public static double TraceOfProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s += a[i * n + j] * b[j * n + i];
            }
        }

        return s;
    }

    /// <summary>Adds elements while the running sum stays below a limit: a data-dependent trip count.</summary>
    [Differentiable]
    public static double SumBelow(ReadOnlySpan<double> x, double limit)
    {
        double s = 0;
        int i = 0;
        while (i < x.Length && s + x[i] < limit)
        {
            s += x[i];
            i++;
        }

        return s * limit;
    }

    /// <summary>Σ xᵢ² up to the first negative element.</summary>
    [Differentiable]
    public static double SquaresUntilNegative(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                break;
            }

            s += x[i] * x[i];
        }

        return s;
    }

    [Differentiable]
    public static double SumOfSines(double[] x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Sin(x[i]);
        }

        return s;
    }

    /// <summary>A double parameter reassigned: scale doubles before it is used.</summary>
    [Differentiable]
    public static double ScaledSum(ReadOnlySpan<double> x, double scale)
    {
        scale = scale * 2;
        double s = 0;
        foreach (var v in x)
        {
            s += scale * v;
        }

        return s * scale;
    }

    [Differentiable]
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Σ σ(xᵢ): a scalar [Differentiable] method called on each element.</summary>
    [Differentiable]
    public static double SumOfSigmoids(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += Sigmoid(v);
        }

        return s;
    }

    /// <summary>Returns from inside a loop: the first element above 1, squared, or the last one.</summary>
    [Differentiable]
    public static double FirstAboveOne(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 1)
            {
                return x[i] * x[i];
            }
        }

        return x[x.Length - 1];
    }

    [Differentiable]
    public static double PiecewiseSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += v > 0 ? v * v : -v;
        }

        return s;
    }

    /// <summary>The softmax of z in stack scratch, then its dot product with fixed values.</summary>
    [Differentiable]
    public static double SoftmaxDot(ReadOnlySpan<double> z, [NoDerivative] ReadOnlySpan<double> values)
    {
        Span<double> e = stackalloc double[z.Length];
        double total = 0;
        for (int i = 0; i < z.Length; i++)
        {
            e[i] = Math.Exp(z[i]);
            total += e[i];
        }

        double s = 0;
        for (int i = 0; i < z.Length; i++)
        {
            s += e[i] / total * values[i];
        }

        return s;
    }

    /// <summary>A view that moves along the input: windows of three, each summed and squared.</summary>
    [Differentiable]
    public static double MovingWindows(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i + 3 <= x.Length; i++)
        {
            ReadOnlySpan<double> window = x.Slice(i, 3);
            double w = Sum(window);
            s += w * w;
        }

        return s;
    }

    /// <summary>Every element used twice per step of a two-array recurrence: a leaky running mean.</summary>
    [Differentiable]
    public static double Smoothed(ReadOnlySpan<double> x, double decay)
    {
        double[] m = new double[x.Length];
        m[0] = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            m[i] = decay * m[i - 1] + (1 - decay) * x[i];
        }

        return m[x.Length - 1];
    }

    /// <summary>Exp of a choice, scaled: the choice becomes a temporary inside the product, whose Exp keeps its value.</summary>
    [Differentiable]
    public static double ScaledExpOfChoice(ReadOnlySpan<double> x) => 2 * Math.Exp(x[0] > 0 ? x[1] : x[2]);

    /// <summary>Sqrt of a call to an array method, scaled: the call's value is a temporary inside the product.</summary>
    [Differentiable]
    public static double TwiceNorm(ReadOnlySpan<double> x) => 2 * Math.Sqrt(SumSquares(x));

    /// <summary>foreach runs over the span it was given, whatever the body assigns to the local afterwards.</summary>
    [Differentiable]
    public static double ForEachOverMovedView(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> v = x;
        double s = 0;
        foreach (var e in v)
        {
            s += e * e;
            v = x.Slice(1);
        }

        return s + v[0];
    }

    /// <summary>
    /// A local int array counted up in a deeper loop after each read: the reverse sweep restores its counts from the
    /// tape, so the node's sweeps must hand the array itself over (they once did not, and the node failed to compile).
    /// </summary>
    [Differentiable]
    public static double WeightedByCounts(ReadOnlySpan<double> x)
    {
        int[] counts = new int[2];
        double s = 0;
        for (int j = 0; j < x.Length; j++)
        {
            s += x[j] * x[j] * (1 + counts[j % 2]);
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i]++;
            }
        }

        return s;
    }

    /// <summary>
    /// A local array given a new one after the first was written and read only linearly (its values never needed by the
    /// reverse sweep): the new array's t[0], read but never written, must not pass its gradient to the first's t[0] = w[0]
    /// (it did, found by the array property test's batches 57, 67, 70, 83 and 115).
    /// </summary>
    [Differentiable]
    public static double Reallocated(ReadOnlySpan<double> w)
    {
        double[] t = new double[2];
        t[0] = w[0];
        double first = t[0] + w[1];
        t = new double[2];
        t[1] = w[1];
        return first + t[0] * w[0] + t[1] * t[1];
    }
}
