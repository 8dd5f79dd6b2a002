/**
 * Established names the draft proposes instead of transliterating: countries (with their ISO
 * codes) and places whose Russian and English names are not letter-for-letter Kazakh
 * (`Қазақстан` is Казахстан, Kazakhstan; `Шолпан-Ата` is Чолпон-Ата, Cholpon-Ata), and the
 * titles of offices with their English. Anything else is transliterated and marked for review.
 */
interface EstablishedCountry {
  kk: string;
  ru: string;
  en: string;
  alpha2: string;
  alpha3: string;
  /** Abbreviations and other names the text may use (`ҚР`, `РФ`, `АҚШ`). */
  aliases: readonly string[];
}

export const COUNTRIES: readonly EstablishedCountry[] = [
  {
    kk: 'Қазақстан',
    ru: 'Казахстан',
    en: 'Kazakhstan',
    alpha2: 'KZ',
    alpha3: 'KAZ',
    aliases: ['ҚР', 'РК', 'Қазақстан Республикасы'],
  },
  {
    kk: 'Ресей',
    ru: 'Россия',
    en: 'Russia',
    alpha2: 'RU',
    alpha3: 'RUS',
    aliases: ['РФ', 'Ресей Федерациясы'],
  },
  {
    kk: 'Қырғызстан',
    ru: 'Киргизия',
    en: 'Kyrgyzstan',
    alpha2: 'KG',
    alpha3: 'KGZ',
    aliases: ['Кыргызстан', 'Қырғыз Республикасы'],
  },
  { kk: 'Өзбекстан', ru: 'Узбекистан', en: 'Uzbekistan', alpha2: 'UZ', alpha3: 'UZB', aliases: [] },
  {
    kk: 'Тәжікстан',
    ru: 'Таджикистан',
    en: 'Tajikistan',
    alpha2: 'TJ',
    alpha3: 'TJK',
    aliases: [],
  },
  {
    kk: 'Түрікменстан',
    ru: 'Туркменистан',
    en: 'Turkmenistan',
    alpha2: 'TM',
    alpha3: 'TKM',
    aliases: [],
  },
  { kk: 'Беларусь', ru: 'Беларусь', en: 'Belarus', alpha2: 'BY', alpha3: 'BLR', aliases: [] },
  { kk: 'Армения', ru: 'Армения', en: 'Armenia', alpha2: 'AM', alpha3: 'ARM', aliases: [] },
  {
    kk: 'Әзірбайжан',
    ru: 'Азербайджан',
    en: 'Azerbaijan',
    alpha2: 'AZ',
    alpha3: 'AZE',
    aliases: [],
  },
  { kk: 'Грузия', ru: 'Грузия', en: 'Georgia', alpha2: 'GE', alpha3: 'GEO', aliases: [] },
  { kk: 'Қытай', ru: 'Китай', en: 'China', alpha2: 'CN', alpha3: 'CHN', aliases: ['ҚХР'] },
  { kk: 'Моңғолия', ru: 'Монголия', en: 'Mongolia', alpha2: 'MN', alpha3: 'MNG', aliases: [] },
  { kk: 'Түркия', ru: 'Турция', en: 'Turkey', alpha2: 'TR', alpha3: 'TUR', aliases: [] },
  {
    kk: 'Иран',
    ru: 'Иран',
    en: 'Iran',
    alpha2: 'IR',
    alpha3: 'IRN',
    aliases: ['Иран Ислам Республикасы', 'Исламская Республика Иран'],
  },
  { kk: 'Үндістан', ru: 'Индия', en: 'India', alpha2: 'IN', alpha3: 'IND', aliases: [] },
  { kk: 'Жапония', ru: 'Япония', en: 'Japan', alpha2: 'JP', alpha3: 'JPN', aliases: [] },
  { kk: 'Корея', ru: 'Корея', en: 'Korea', alpha2: 'KR', alpha3: 'KOR', aliases: [] },
  { kk: 'Германия', ru: 'Германия', en: 'Germany', alpha2: 'DE', alpha3: 'DEU', aliases: ['ГФР'] },
  { kk: 'Франция', ru: 'Франция', en: 'France', alpha2: 'FR', alpha3: 'FRA', aliases: [] },
  { kk: 'Италия', ru: 'Италия', en: 'Italy', alpha2: 'IT', alpha3: 'ITA', aliases: [] },
  {
    kk: 'Ұлыбритания',
    ru: 'Великобритания',
    en: 'United Kingdom',
    alpha2: 'GB',
    alpha3: 'GBR',
    aliases: [],
  },
  {
    kk: 'Америка Құрама Штаттары',
    ru: 'Соединённые Штаты Америки',
    en: 'United States',
    alpha2: 'US',
    alpha3: 'USA',
    aliases: ['АҚШ', 'США'],
  },
  { kk: 'Украина', ru: 'Украина', en: 'Ukraine', alpha2: 'UA', alpha3: 'UKR', aliases: [] },
  {
    kk: 'Біріккен Араб Әмірліктері',
    ru: 'Объединённые Арабские Эмираты',
    en: 'United Arab Emirates',
    alpha2: 'AE',
    alpha3: 'ARE',
    aliases: ['БАӘ', 'ОАЭ'],
  },
  {
    kk: 'Сауд Арабиясы',
    ru: 'Саудовская Аравия',
    en: 'Saudi Arabia',
    alpha2: 'SA',
    alpha3: 'SAU',
    aliases: [],
  },
  { kk: 'Катар', ru: 'Катар', en: 'Qatar', alpha2: 'QA', alpha3: 'QAT', aliases: [] },
  { kk: 'Венгрия', ru: 'Венгрия', en: 'Hungary', alpha2: 'HU', alpha3: 'HUN', aliases: [] },
  { kk: 'Мысыр', ru: 'Египет', en: 'Egypt', alpha2: 'EG', alpha3: 'EGY', aliases: ['Египет'] },
  { kk: 'Польша', ru: 'Польша', en: 'Poland', alpha2: 'PL', alpha3: 'POL', aliases: [] },
];

interface EstablishedPlace {
  kk: string;
  ru: string;
  en: string;
  /** alpha2 of the country it is in. */
  country: string;
}

export const PLACES: readonly EstablishedPlace[] = [
  { kk: 'Астана', ru: 'Астана', en: 'Astana', country: 'KZ' },
  { kk: 'Алматы', ru: 'Алматы', en: 'Almaty', country: 'KZ' },
  { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent', country: 'KZ' },
  { kk: 'Мәскеу', ru: 'Москва', en: 'Moscow', country: 'RU' },
  { kk: 'Санкт-Петербург', ru: 'Санкт-Петербург', en: 'Saint Petersburg', country: 'RU' },
  { kk: 'Бішкек', ru: 'Бишкек', en: 'Bishkek', country: 'KG' },
  { kk: 'Шолпан-Ата', ru: 'Чолпон-Ата', en: 'Cholpon-Ata', country: 'KG' },
  { kk: 'Ташкент', ru: 'Ташкент', en: 'Tashkent', country: 'UZ' },
  { kk: 'Самарқанд', ru: 'Самарканд', en: 'Samarkand', country: 'UZ' },
  { kk: 'Душанбе', ru: 'Душанбе', en: 'Dushanbe', country: 'TJ' },
  { kk: 'Ашхабад', ru: 'Ашхабад', en: 'Ashgabat', country: 'TM' },
  { kk: 'Минск', ru: 'Минск', en: 'Minsk', country: 'BY' },
  { kk: 'Ереван', ru: 'Ереван', en: 'Yerevan', country: 'AM' },
  { kk: 'Баку', ru: 'Баку', en: 'Baku', country: 'AZ' },
  { kk: 'Бейжің', ru: 'Пекин', en: 'Beijing', country: 'CN' },
  { kk: 'Анкара', ru: 'Анкара', en: 'Ankara', country: 'TR' },
  { kk: 'Стамбұл', ru: 'Стамбул', en: 'Istanbul', country: 'TR' },
  { kk: 'Тегеран', ru: 'Тегеран', en: 'Tehran', country: 'IR' },
  { kk: 'Берлин', ru: 'Берлин', en: 'Berlin', country: 'DE' },
  { kk: 'Париж', ru: 'Париж', en: 'Paris', country: 'FR' },
  { kk: 'Вашингтон', ru: 'Вашингтон', en: 'Washington', country: 'US' },
];

/** Office titles (Kazakh nominative with its possessive, Russian nominative) → English. */
export const OFFICE_TITLES: ReadonlyArray<{ kk: string[]; ru: string[]; en: string }> = [
  { kk: ['премьер-министрі'], ru: ['премьер-министр'], en: 'Prime Minister' },
  { kk: ['президенті'], ru: ['президент'], en: 'President' },
  { kk: ['төрағасы'], ru: ['председатель'], en: 'Chairman' },
  { kk: ['басшысы'], ru: ['глава', 'руководитель'], en: 'Head' },
  { kk: ['министрі'], ru: ['министр'], en: 'Minister' },
  { kk: ['орынбасары'], ru: ['заместитель'], en: 'Deputy' },
  { kk: ['әкімі'], ru: ['аким'], en: 'Akim' },
  { kk: ['елшісі'], ru: ['посол'], en: 'Ambassador' },
  { kk: ['хатшысы'], ru: ['секретарь'], en: 'Secretary' },
  { kk: ['спикері'], ru: ['спикер'], en: 'Speaker' },
  { kk: ['директоры'], ru: ['директор'], en: 'Director' },
  { kk: ['көшбасшысы'], ru: ['лидер'], en: 'Leader' },
  { kk: ['канцлері'], ru: ['канцлер'], en: 'Chancellor' },
  { kk: ['королі'], ru: ['король'], en: 'King' },
];
