using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Domain.Tests.Residents;

/// <summary>GB 11643-1999: MOD 11-2 check character, birth date, sex from the 17th digit (standards §5).</summary>
public class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)] // the GB 11643 worked example, check X
    [InlineData("11010519491231002x", "1949-12-31", Sex.Female)] // lower-case x accepted, normalised
    [InlineData("440524188001010014", "1880-01-01", Sex.Male)]
    [InlineData("330106200002291216", "2000-02-29", Sex.Male)]   // leap day
    [InlineData("810000199408230021", "1994-08-23", Sex.Female)] // Hong Kong residence permit prefix
    [InlineData("830000199201300022", "1992-01-30", Sex.Female)] // Taiwan residence permit prefix
    public void Parse_accepts_valid_numbers(string input, string birth, Sex sex)
    {
        var (number, error) = IdCardNumber.Parse(input, Today);
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(birth), number!.BirthDate);
        Assert.Equal(sex, number.Sex);
        Assert.Equal(input.ToUpperInvariant(), number.Value);
    }

    [Theory]
    [InlineData("110105491231002", "11010519491231002X")] // 15-digit legacy: insert 19, add check
    [InlineData("330106800101001", "330106198001010013")]
    public void Parse_upgrades_fifteen_digit_numbers(string legacy, string upgraded)
    {
        var (number, error) = IdCardNumber.Parse(legacy, Today);
        Assert.Null(error);
        Assert.Equal(upgraded, number!.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "error.idcard.checksum")]
    [InlineData("11010519491231002Y", "error.idcard.chars")]
    [InlineData("1101051949123100", "error.idcard.length")]
    [InlineData("330106200102291218", "error.idcard.birthdate")] // 2001-02-29 does not exist
    [InlineData("330106199913321219", "error.idcard.birthdate")] // month 13
    [InlineData("330106202712011213", "error.idcard.birthdate")] // in the future
    [InlineData("000000199001011234", "error.idcard.area")]
    [InlineData("", "error.required")]
    [InlineData("11010549123100A", "error.idcard.chars")]
    public void Parse_rejects_invalid_numbers_with_a_reason(string input, string expected)
    {
        var (number, error) = IdCardNumber.Parse(input, Today);
        Assert.Null(number);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Compose_builds_numbers_that_parse_back()
    {
        for (var seq = 0; seq < 1000; seq += 37)
        {
            var s = IdCardNumber.Compose("330106", new DateOnly(1958, 3, 1), seq);
            var (number, error) = IdCardNumber.Parse(s, Today);
            Assert.Null(error);
            Assert.Equal(seq % 2 == 1 ? Sex.Male : Sex.Female, number!.Sex);
        }
    }

    [Fact]
    public void Masked_shows_area_and_last_four()
    {
        Assert.Equal("110105********002X", IdCardNumber.Parse("11010519491231002X", Today).Number!.Masked);
    }
}
