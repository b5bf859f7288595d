using System;
using System.Globalization;

namespace DeZero;

/// <summary>Decimal digits of a double as Python and numpy lay them out, independent of the current culture.</summary>
internal static class FloatText
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, scientific below 1e-4 and from 1e16 on.</summary>
    public static string PythonRepr(double value)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value);
        }

        var (negative, digits, point) = Shortest(value);
        var sign = negative ? "-" : string.Empty;
        var exponent = point - 1;
        if (exponent < -4 || exponent >= 16)
        {
            var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            return $"{sign}{mantissa}e{Exponent(exponent, 2)}";
        }

        var (integer, fraction) = Positional(digits, point);
        return $"{sign}{integer}.{(fraction.Length == 0 ? "0" : fraction)}";
    }

    /// <summary>"nan", "inf" or "-inf", as Python and numpy print them.</summary>
    public static string NonFinite(double value) =>
        double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";

    /// <summary>The shortest round-trip digits (no leading or trailing zeros, "0" for zero) and the decimal point position: value = 0.digits × 10^point.</summary>
    public static (bool Negative, string Digits, int Point) Shortest(double value) =>
        Parse(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The digits of a finite value rounded (exactly, as .NET Core 3.0+ formats) to at most <paramref name="fractionDigits"/> digits after the point.</summary>
    public static (bool Negative, string Digits, int Point) RoundedFixed(double value, int fractionDigits)
    {
        var (negative, digits, point) = Shortest(value);
        return digits.Length - point <= fractionDigits
            ? (negative, digits, point)
            : Parse(value.ToString("F" + fractionDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>The digits of a finite value rounded to at most <paramref name="significantDigits"/> significant digits: of the shortest round-trip form, or with <paramref name="exact"/> of the exact binary value.</summary>
    public static (bool Negative, string Digits, int Point) RoundedSignificant(double value, int significantDigits, bool exact = false)
    {
        var (negative, digits, point) = Shortest(value);
        return digits.Length <= significantDigits && !exact
            ? (negative, digits, point)
            : Parse(value.ToString("E" + (significantDigits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>Splits digits at the decimal point, padding with zeros where the point lies outside them.</summary>
    public static (string Integer, string Fraction) Positional(string digits, int point)
    {
        if (point <= 0)
        {
            return ("0", new string('0', -point) + digits);
        }

        return point >= digits.Length
            ? (digits + new string('0', point - digits.Length), string.Empty)
            : (digits[..point], digits[point..]);
    }

    /// <summary>A signed exponent with at least <paramref name="minDigits"/> digits, as C's printf writes it.</summary>
    public static string Exponent(int exponent, int minDigits) =>
        (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minDigits, '0');

    // Reads any invariant .NET rendering ("-1.5E+300", "0.0001", "100", "-0") back into digits and point.
    private static (bool Negative, string Digits, int Point) Parse(string text)
    {
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var digits = dot < 0 ? text : text.Remove(dot, 1);

        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        return digits.Length == 0 ? (negative, "0", 1) : (negative, digits, point);
    }
}
