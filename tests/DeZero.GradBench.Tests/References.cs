using System;

namespace DeZero.GradBench.Tests;

/// <summary>
/// Derivatives computed without the generator, to check the generated ones against: closed forms where they exist,
/// central differences elsewhere.
/// </summary>
internal static class References
{
    /// <summary>
    /// The gradient of <paramref name="f"/> by the fourth-order central difference
    /// <c>(f(x-2h) - 8f(x-h) + 8f(x+h) - f(x+2h)) / 12h</c>, one coordinate at a time, with step
    /// <c>h = step</c> (or <c>step · |xᵢ|</c> when <paramref name="relativeStep"/>, for derivatives far below 1).
    /// </summary>
    public static double[] CentralDifferences(Func<double[], double> f, double[] x, double step = 1e-3, bool relativeStep = false)
    {
        var point = (double[])x.Clone();
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double h = relativeStep ? step * Math.Abs(x[i]) : step;
            double At(double offset)
            {
                point[i] = x[i] + offset;
                double value = f(point);
                point[i] = x[i];
                return value;
            }

            gradient[i] = (At(-2 * h) - 8 * At(-h) + 8 * At(h) - At(2 * h)) / (12 * h);
        }

        return gradient;
    }

    /// <summary>LSE's gradient in closed form: the softmax of <paramref name="x"/>.</summary>
    public static double[] Softmax(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x)
        {
            max = Math.Max(max, v);
        }

        var result = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = Math.Exp(x[i] - max);
            sum += result[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    /// <summary>
    /// The determinant's gradient in closed form, the cofactor matrix: <c>∂det/∂Aᵢⱼ = (-1)^(i+j) det(A without row i
    /// and column j)</c>, each minor's determinant by Gaussian elimination (not by expansion, the primal's method).
    /// </summary>
    public static double[] Cofactors(ReadOnlySpan<double> a, int ell)
    {
        var result = new double[ell * ell];
        if (ell == 1)
        {
            result[0] = 1;
            return result;
        }

        var minor = new double[(ell - 1) * (ell - 1)];
        for (int i = 0; i < ell; i++)
        {
            for (int j = 0; j < ell; j++)
            {
                int index = 0;
                for (int row = 0; row < ell; row++)
                {
                    for (int column = 0; column < ell; column++)
                    {
                        if (row != i && column != j)
                        {
                            minor[index++] = a[row * ell + column];
                        }
                    }
                }

                result[i * ell + j] = ((i + j) % 2 == 0 ? 1 : -1) * Determinant(minor, ell - 1);
            }
        }

        return result;
    }

    /// <summary>A determinant by Gaussian elimination with partial pivoting.</summary>
    public static double Determinant(ReadOnlySpan<double> a, int ell)
    {
        double[] m = a.ToArray();
        double det = 1;
        for (int column = 0; column < ell; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < ell; row++)
            {
                if (Math.Abs(m[row * ell + column]) > Math.Abs(m[pivot * ell + column]))
                {
                    pivot = row;
                }
            }

            if (m[pivot * ell + column] == 0)
            {
                return 0;
            }

            if (pivot != column)
            {
                for (int k = 0; k < ell; k++)
                {
                    (m[pivot * ell + k], m[column * ell + k]) = (m[column * ell + k], m[pivot * ell + k]);
                }

                det = -det;
            }

            det *= m[column * ell + column];
            for (int row = column + 1; row < ell; row++)
            {
                double factor = m[row * ell + column] / m[column * ell + column];
                for (int k = column; k < ell; k++)
                {
                    m[row * ell + k] -= factor * m[column * ell + k];
                }
            }
        }

        return det;
    }

    /// <summary>
    /// LLSQ's gradient in closed form from the normal equations: with <c>Tᵢⱼ = tᵢʲ</c> and residuals
    /// <c>r = sign(t) - T·x</c>, the gradient of <c>½|r|²</c> is <c>-Tᵀ·r</c>; powers by <see cref="Math.Pow"/>, not by the
    /// primal's repeated products.
    /// </summary>
    public static double[] LlsqNormalEquations(ReadOnlySpan<double> x, int n)
    {
        var gradient = new double[x.Length];
        for (int i = 0; i < n; i++)
        {
            double t = -1 + 2.0 * i / (n - 1);
            double residual = Math.Sign(t);
            for (int j = 0; j < x.Length; j++)
            {
                residual -= x[j] * Math.Pow(t, j);
            }

            for (int j = 0; j < x.Length; j++)
            {
                gradient[j] -= residual * Math.Pow(t, j);
            }
        }

        return gradient;
    }

    /// <summary>The derivative of RK4's last element by forward-mode dual numbers, one tangent per input: RK4's own derivative.</summary>
    internal static double[] Rk4LastTangents(double[] x, int s)
    {
        int n = x.Length;
        var result = new double[n];
        for (int seed = 0; seed < n; seed++)
        {
            var y = new (double V, double D)[n];
            var k = new (double V, double D)[4][];
            var tmp = new (double V, double D)[n];
            double h = 2.0 / s;
            (double V, double D) X(int i) => (x[i], i == seed ? 1 : 0);
            void F((double V, double D)[] from, (double V, double D)[] to)
            {
                to[0] = X(0);
                for (int i = 1; i < n; i++) { to[i] = (X(i).V * from[i - 1].V, X(i).D * from[i - 1].V + X(i).V * from[i - 1].D); }
            }

            for (int j = 0; j < 4; j++) { k[j] = new (double, double)[n]; }
            for (int step = 0; step < s; step++)
            {
                F(y, k[0]);
                for (int i = 0; i < n; i++) { tmp[i] = (y[i].V + h * k[0][i].V / 2, y[i].D + h * k[0][i].D / 2); }
                F(tmp, k[1]);
                for (int i = 0; i < n; i++) { tmp[i] = (y[i].V + h * k[1][i].V / 2, y[i].D + h * k[1][i].D / 2); }
                F(tmp, k[2]);
                for (int i = 0; i < n; i++) { tmp[i] = (y[i].V + h * k[2][i].V, y[i].D + h * k[2][i].D); }
                F(tmp, k[3]);
                for (int i = 0; i < n; i++)
                {
                    y[i] = (y[i].V + h * (k[0][i].V + 2 * k[1][i].V + 2 * k[2][i].V + k[3][i].V) / 6,
                            y[i].D + h * (k[0][i].D + 2 * k[1][i].D + 2 * k[2][i].D + k[3][i].D) / 6);
                }
            }

            result[seed] = y[n - 1].D;
        }

        return result;
    }
}
