using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Domain.Tests.Residents;

public class PinyinInitialsTests
{
    [Theory]
    [InlineData("张三丰", "zsf")]
    [InlineData("王芳", "wf")]
    [InlineData("李小龙", "lxl")]
    [InlineData("欧阳修", "oyx")]
    [InlineData("单田芳", "stf")]  // surname 单 reads shan
    [InlineData("曾国藩", "zgf")]  // surname 曾 reads zeng
    [InlineData("解缙", "xj")]     // surname 解 reads xie
    [InlineData("区永权", "oyq")]  // surname 区 reads ou
    [InlineData("仇英", "qy")]     // surname 仇 reads qiu
    [InlineData("阿依古丽·买买提", "ayglmmt")]
    [InlineData("John Smith", "johnsmith")]
    [InlineData("", "")]
    public void Of_gives_lower_case_initials(string name, string expected) => Assert.Equal(expected, PinyinInitials.Of(name));

    [Fact]
    public void Only_the_surname_gets_the_override()
    {
        Assert.Equal("zdd", PinyinInitials.Of("张单单")); // 单 inside a given name keeps its common reading (dan)
    }
}

public class HealthRecordNumberTests
{
    [Theory]
    [InlineData("330106001001", 1, "33010600100100001")]
    [InlineData("330106001001", 99999, "33010600100199999")]
    [InlineData("330106001", 23, "33010600190100023")] // a center manages directly: village part 901
    public void Compose_county_township_village_sequence(string managing, int sequence, string expected) =>
        Assert.Equal(expected, HealthRecordNumber.Compose(HealthRecordNumber.PrefixFor(managing), sequence));

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    public void Sequence_is_five_digits(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthRecordNumber.Compose("330106001001", sequence));

    [Theory]
    [InlineData("33010600100100001", true)]
    [InlineData("33010600100100000", false)]
    [InlineData("33010600120000001", false)] // village 200 is outside the record-number ranges
    [InlineData("3301060010010001", false)]
    public void IsValid(string number, bool valid) => Assert.Equal(valid, HealthRecordNumber.IsValid(number));

    [Fact]
    public void Printed_form_is_the_last_eight_digits() => Assert.Equal("001-00023", HealthRecordNumber.Printed("33010600100100023"));
}

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138 1234 5678", true)]
    [InlineData("0571-88880000", true)]
    [InlineData("01088880000", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("88880000", false)]
    [InlineData("0571--8888", false)]
    public void IsValid(string phone, bool valid) => Assert.Equal(valid, PhoneNumber.IsValid(phone));

    [Fact]
    public void Mask_keeps_the_first_three_and_last_four() => Assert.Equal("138****5678", PhoneNumber.Mask("13812345678"));

    [Theory]
    [InlineData("1234567", "1234567")]            // seven digits: nothing between the kept ends
    [InlineData("05718765432", "057****5432")]
    [InlineData("0571-87654321", "057******4321")]
    [InlineData("123456", "123456")]              // too short to mask
    public void Mask_handles_every_length(string phone, string masked) => Assert.Equal(masked, PhoneNumber.Mask(phone));
}

public class ResidentRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string Id = IdCardNumber.Compose("330106", new DateOnly(1958, 6, 15), 123); // male

    private static ResidentDraft Valid => new(Name: "张三", DocumentType: "01", DocumentNumber: Id, ResidenceType: "1");

    [Fact]
    public void An_id_number_fills_birth_date_and_sex()
    {
        var outcome = ResidentRules.Validate(Valid, Today);
        Assert.True(outcome.IsSuccess);
        Assert.Equal(new DateOnly(1958, 6, 15), outcome.Value.BirthDate);
        Assert.Equal("1", outcome.Value.Sex);
    }

    public static TheoryData<ResidentDraft, string, string> Faults => new()
    {
        { Valid with { BirthDate = new DateOnly(1958, 6, 16) }, "birthDate", "error.resident.birthdate_mismatch" },
        { Valid with { Sex = "2" }, "sex", "error.resident.sex_mismatch" },
        { Valid with { DocumentNumber = Id[..17] + (Id[17] == '1' ? "2" : "1") }, "documentNumber", "error.idcard.checksum" },
        { Valid with { Name = "张三3" }, "name", "error.resident.name_chars" },
        { Valid with { Name = new string('张', 51) }, "name", "error.too_long" },
        { Valid with { DocumentType = "03", DocumentNumber = null, Sex = "1", BirthDate = new DateOnly(1980, 1, 1) }, "documentNumber", "error.required" },
        { Valid with { DocumentType = "00", DocumentNumber = "X1" }, "documentNumber", "error.resident.number_without_document" },
        { Valid with { DocumentType = "77" }, "documentType", "error.code_unknown" },
        { Valid with { ResidenceType = null }, "residenceType", "error.required" },
        { Valid with { Ethnicity = "57" }, "ethnicity", "error.code_unknown" },
        { Valid with { Phone = "1234" }, "phone", "error.phone" },
        { Valid with { DrugAllergies = ["1", "2"] }, "drugAllergies", "error.none_exclusive" },
        { Valid with { Payments = ["1", "1"] }, "payments", "error.code_duplicate" },
        { Valid with { PastIllnesses = [new("2", new DateOnly(1950, 1, 1))] }, "pastIllnesses[0].diagnosedOn", "error.date_before_birth" },
        { Valid with { PastIllnesses = [new("2", new DateOnly(2027, 1, 1))] }, "pastIllnesses[0].diagnosedOn", "error.date_future" },
        { Valid with { PastIllnesses = [new("2", null)] }, "pastIllnesses[0].diagnosedOn", "error.required" },
        { Valid with { PastIllnesses = [new("14", new DateOnly(2000, 1, 1))] }, "pastIllnesses[0].code", "error.code_unknown" },
        { Valid with { Surgeries = [new("", new DateOnly(2000, 1, 1))] }, "surgeries[0].name", "error.required" },
        { Valid with { FamilyHistory = new FamilyHistory(Father: ["1", "2"]) }, "familyHistory.father", "error.none_exclusive" },
        { Valid with { Living = new LivingEnvironment(Toilet: "6") }, "living.toilet", "error.code_unknown" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Faults_are_reported_at_their_field(ResidentDraft draft, string field, string code)
    {
        var outcome = ResidentRules.Validate(draft, Today);
        var invalid = Assert.IsType<Invalid>(outcome.Error);
        Assert.Contains(invalid.Errors, e => e.Field == field && e.MessageCode == code);
    }

    [Fact]
    public void A_newborn_without_an_id_number_is_valid_with_another_document()
    {
        var outcome = ResidentRules.Validate(new ResidentDraft("刘宝宝", "08", "Q330000123", "2", new DateOnly(2026, 11, 1), ResidenceType: "1"), Today);
        Assert.True(outcome.IsSuccess);
    }

    [Fact]
    public void Code_lists_are_effective_dated()
    {
        var list = new CodeList("x", "test", [new("1", "旧", "old", new DateOnly(2010, 1, 1), new DateOnly(2026, 1, 1)), new("2", "新", "new", new DateOnly(2026, 1, 1))]);
        Assert.True(list.IsValid("1", new DateOnly(2025, 12, 31)));
        Assert.False(list.IsValid("1", new DateOnly(2026, 1, 1)));
        Assert.False(list.IsValid("2", new DateOnly(2025, 12, 31)));
        Assert.True(list.IsValid("2", new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Marital_form_codes_map_to_gbt_2261_2() =>
        Assert.Equal(["10", "20", "30", "40", "90"], ResidentCodes.Marital.Entries.Select(e => e.Standard));
}
