using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Assignments, ++ and -- inside expressions, as numeric code ported from C writes them.</summary>
public static partial class Effects
{
    /// <summary>x·n for n ≥ 0: the loop runs n times, n read before each decrement.</summary>
    [Differentiable]
    public static double CountDown(double x, int n)
    {
        double s = 0;
        while (n-- > 0)
        {
            s += x;
        }

        return s;
    }

    /// <summary>(i + 1)·x with i = 2: the prefix increment's new value.</summary>
    [Differentiable]
    public static double PrefixInReturn(double x)
    {
        int i = 2;
        return ++i * x;
    }

    /// <summary>y = (x = 2)·x reads the new x twice: 4, whatever x was (a derivative of 0).</summary>
    [Differentiable]
    public static double AssignThenRead(double x)
    {
        double y = (x = 2) * x;
        return y + x;
    }

    /// <summary>x·(x = 2) reads the old x first: 2x, then adds the new x, 2.</summary>
    [Differentiable]
    public static double ReadThenAssign(double x)
    {
        double y = x * (x = 2);
        return y + x;
    }

    /// <summary>In c ? a = e : b += e, only the branch taken assigns.</summary>
    [Differentiable]
    public static double AssignInBranches(double x, double y)
    {
        double a = 0, b = 1;
        double r = x > y ? a = x * y : b += Math.Sin(x);
        return r + a + b;
    }

    /// <summary>(r = e1) != 0 &amp;&amp; (r += e2) != 0: the second assignment happens only when the first gives a non-zero r.</summary>
    [Differentiable]
    public static double ShortCircuit(double x, double y)
    {
        double r;
        if ((r = x - 1) != 0 && (r += y * y) != 0)
        {
            return r * x;
        }

        return r + y;
    }

    /// <summary>x·x⁺ where x⁺ = x + 1: the postfix keeps the old value, the next read sees the new one.</summary>
    [Differentiable]
    public static double PostfixOnDouble(double x)
    {
        double old = x++;
        return old * x;
    }

    /// <summary>A compound assignment whose value is used: s = (t += x)·2 with t = 1: 2(1 + x), t = 1 + x.</summary>
    [Differentiable]
    public static double CompoundAsValue(double x)
    {
        double t = 1;
        double s = (t += x) * 2;
        return s * t;
    }

    /// <summary>A for loop whose condition assigns: k halves until it is below 1, multiplying s by x each time.</summary>
    [Differentiable]
    public static double ConditionAssigns(double x, int k)
    {
        double s = 1;
        for (int i = 0; (k /= 2) > 0; i++)
        {
            s *= x;
        }

        return s;
    }

    /// <summary>A do loop whose condition decrements: runs n times (at least once).</summary>
    [Differentiable]
    public static double DoConditionDecrements(double x, int n)
    {
        double s = 0;
        do
        {
            if (n == 3)
            {
                continue;
            }

            s += Math.Exp(x);
        }
        while (--n > 0);
        return s;
    }
}
