/**
 * Word lists for the demo generator. Every person made from them is fictional: names are combined at random,
 * streets are invented, phone numbers come from Ofcom's ranges reserved for drama, and email addresses use the
 * reserved example.com / example.org / example.net domains.
 */

export interface NameGroup {
  key: string;
  /** Relative share of clients drawn from this group. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Weights for Fitzpatrick I..VI, so skin types follow the client's background rather than uniform noise. */
  fitzpatrick: readonly [number, number, number, number, number, number];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    key: 'english',
    weight: 44,
    female: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Charlotte', 'Hannah', 'Lucy',
      'Ellie', 'Jessica', 'Rebecca', 'Sarah', 'Laura', 'Emma', 'Rachel', 'Katherine', 'Elizabeth', 'Victoria',
      'Gemma', 'Kirsty', 'Joanne', 'Amy', 'Harriet', 'Imogen', 'Poppy', 'Freya', 'Zoë', 'Phoebe', 'Rosie',
      'Megan', 'Abigail', 'Natalie', 'Danielle', 'Claire', 'Helen', 'Alison', 'Karen', 'Julie', 'Susan',
      'Margaret', 'Jennifer', 'Bethany', 'Holly', 'Eleanor', 'Florence', 'Matilda', 'Georgina', 'Lauren',
      'Samantha', 'Stephanie', 'Naomi', 'Jasmine', 'Evie', 'Millie', 'Scarlett', 'Penelope', 'Beatrice',
    ],
    male: [
      'Oliver', 'George', 'Harry', 'Jack', 'James', 'William', 'Thomas', 'Daniel', 'Samuel', 'Joshua',
      'Benjamin', 'Matthew', 'Alexander', 'Edward', 'Henry', 'Charlie', 'Luke', 'Ryan', 'Adam', 'Christopher',
      'Andrew', 'Mark', 'Paul', 'Richard', 'Stephen', 'Jamie', 'Callum', 'Lewis', 'Nathan', 'Theo', 'Alfie',
      'Archie', 'Freddie', 'Toby', 'Dominic',
    ],
    surnames: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harris',
      'Lewis', 'Edwards', 'Turner', 'Hughes', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'King', 'Baker',
      'Harrison', 'Morgan', 'Allen', 'Young', 'Mitchell', 'Bell', 'Parker', 'Cook', 'Bailey', 'Carter',
      'Phillips', 'Shaw', 'Holmes', 'Fletcher', 'Ashworth', 'Pemberton', 'Whitfield', 'Hargreaves', 'Oldroyd',
      'Sutcliffe', 'Ellison', 'Barraclough', 'Entwistle', 'Greenwood', 'Lockwood', 'Thackeray', 'Lloyd-Jones',
      'Hart-Davis', 'Fairweather', 'Underwood', 'Marsden', 'Atkinson', 'Beaumont', 'Chadwick', 'Dawson',
    ],
    fitzpatrick: [7, 40, 38, 10, 3, 2],
  },
  {
    key: 'scottish-welsh',
    weight: 8,
    female: [
      'Eilidh', 'Morag', 'Catriona', 'Cerys', 'Ffion', 'Seren', 'Carys', 'Mairi', 'Isla', 'Rhian', 'Bronwen',
      'Siân', 'Fiona', 'Kirsteen', 'Gwenllian', 'Elin',
    ],
    male: ['Hamish', 'Iain', 'Angus', 'Rhodri', 'Dafydd', 'Gethin', 'Euan', 'Ruaridh', 'Rhys', 'Owain', 'Fraser'],
    surnames: [
      'Campbell', 'MacDonald', 'McLeod', 'Fraser', 'Stewart', 'Llewellyn', 'Pryce', 'Bowen', 'Mackenzie',
      'Robertson', 'Ferguson', 'Urquhart', 'Gruffydd', 'ap Rhys', 'Vaughan', 'McAllister', 'Drummond', 'Cadwaladr',
    ],
    fitzpatrick: [12, 45, 33, 6, 2, 2],
  },
  {
    key: 'irish',
    weight: 6,
    female: [
      'Siobhán', 'Aoife', 'Niamh', 'Saoirse', 'Róisín', 'Orla', 'Caoimhe', 'Clodagh', 'Sinéad', 'Gráinne',
      'Éabha', 'Ciara', 'Máire', 'Deirdre',
    ],
    male: ['Seán', 'Cian', 'Oisín', 'Ciarán', 'Pádraig', 'Conor', 'Darragh', 'Eoin', 'Tadhg', 'Donnacha'],
    surnames: [
      "O'Brien", 'Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan', "O'Connor", 'McCarthy', 'Doherty',
      'Gallagher', 'Kavanagh', 'Ó Súilleabháin', 'Ní Bhriain', 'Mac Giolla', 'Ó Ceallaigh', 'Fitzgerald', 'Quinn',
    ],
    fitzpatrick: [18, 48, 28, 4, 1, 1],
  },
  {
    key: 'south-asian',
    weight: 11,
    female: [
      'Priya', 'Aisha', 'Ananya', 'Kavya', 'Sana', 'Fatima', 'Zara', 'Simran', 'Harpreet', 'Nisha', 'Anjali',
      'Meera', 'Ayesha', 'Noor', 'Rukhsana', 'Sunita', 'Deepa', 'Jaspreet', 'Nazia', 'Shreya',
    ],
    male: [
      'Arjun', 'Rohan', 'Vikram', 'Imran', 'Hassan', 'Aarav', 'Sanjay', 'Rajesh', 'Amir', 'Harjit', 'Kabir',
      'Faisal', 'Zain', 'Nikhil',
    ],
    surnames: [
      'Patel', 'Shah', 'Singh', 'Kaur', 'Khan', 'Ahmed', 'Hussain', 'Begum', 'Chowdhury', 'Sharma', 'Gupta',
      'Mistry', 'Rahman', 'Iqbal', 'Malik', 'Desai', 'Chaudhry', 'Bhatt', 'Sandhu', 'Gill', 'Parmar', 'Rao',
    ],
    fitzpatrick: [0, 2, 15, 45, 30, 8],
  },
  {
    key: 'african-caribbean',
    weight: 9,
    female: [
      'Adaeze', 'Chiamaka', 'Folake', 'Abena', 'Ama', 'Ngozi', 'Zainab', 'Amara', 'Keisha', 'Shanice', 'Nia',
      'Imani', 'Oluwaseun', 'Yetunde', 'Tiwalade', 'Efua', 'Chidinma', 'Simone', 'Marcia',
    ],
    male: [
      'Kwame', 'Chidi', 'Tunde', 'Emeka', 'Kofi', 'Femi', 'Jermaine', 'Tyrone', 'Olusegun', 'Babajide', 'Kayode',
      'Malachi', 'Dwayne',
    ],
    surnames: [
      'Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Asante', 'Oyelaran', 'Nwosu', 'Eze', 'Owusu',
      'Adebayo', 'Francis', 'Gordon', 'Osei', 'Bello', 'Obi', 'Campbell', 'Thomas', 'Henry', 'Agyeman',
      'Oduya', 'Ogunleye', 'Baptiste',
    ],
    fitzpatrick: [0, 0, 2, 12, 36, 50],
  },
  {
    key: 'east-asian',
    weight: 6,
    female: [
      'Mei', 'Yuki', 'Hana', 'Ji-woo', 'Linh', 'Thảo', 'Xinyi', 'Mai', 'Seo-yeon', 'Ngọc', 'Aiko', 'Jia Hui',
      'Sakura', 'Hyun-a',
    ],
    male: ['Wei', 'Hiroshi', 'Minh', 'Jun', 'Haruto', 'Min-jun', 'Kenji', 'Đức', 'Jian', 'Tuấn'],
    surnames: [
      'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Nguyễn', 'Trần', 'Phạm', 'Kim', 'Park', 'Lee', 'Tanaka', 'Satō',
      'Wong', 'Chan', 'Lam', 'Ho', 'Yamamoto', 'Choi', 'Lê',
    ],
    fitzpatrick: [1, 10, 45, 36, 7, 1],
  },
  {
    key: 'european',
    weight: 11,
    female: [
      'Chloé', 'Zoë', 'Élodie', 'Inès', 'Lucía', 'Sofía', 'Inês', 'Agnieszka', 'Małgorzata', 'Zofia',
      'Katarzyna', 'Anneliese', 'Åsa', 'Ingrid', 'Eleni', 'Giulia', 'Francesca', 'Chiara', 'Anaïs', 'Björk',
      'Dorota', 'Marta', 'Helena', 'Noémie', 'Carmen',
    ],
    male: [
      'Mateo', 'José', 'Javier', 'Joaquín', 'Luca', 'Giovanni', 'Andrés', 'Łukasz', 'Piotr', 'Tomasz', 'Jürgen',
      'Søren', 'Björn', 'Nikolaos', 'François', 'Loïc', 'João', 'Matthias',
    ],
    surnames: [
      'Núñez', 'García', 'Fernández', 'López', 'Muñoz', 'Silva', 'Gonçalves', 'Kowalski', 'Nowak', 'Wiśniewska',
      'Dąbrowski', 'Müller', 'Schröder', 'Jørgensen', 'Lindqvist', 'Papadopoulos', 'Rossi', 'Bianchi',
      'Esposito', 'Dubois', 'Lefèvre', 'Moreau', 'van der Berg', 'de la Cruz', 'Ibáñez', 'Kovač', 'Novák',
      'Horváth', 'Łuczak', 'Petrović', 'Öberg', 'Gómez-Ruiz', 'Da Costa',
    ],
    fitzpatrick: [4, 30, 42, 20, 3, 1],
  },
  {
    key: 'middle-eastern',
    weight: 5,
    female: ['Leila', 'Yasmin', 'Mariam', 'Nour', 'Elif', 'Zeynep', 'Shirin', 'Farah', 'Dalia', 'Rania', 'Ayşe'],
    male: ['Omar', 'Karim', 'Yusuf', 'Mehmet', 'Emre', 'Reza', 'Tariq', 'Khalid', 'Kerem', 'Dariush'],
    surnames: [
      'Haddad', 'Al-Sayed', 'Yılmaz', 'Öztürk', 'Demir', 'Karimi', 'Hosseini', 'Nasser', 'Abboud', 'El-Amin',
      'Şahin', 'Aydın', 'Khoury', 'Mansour', 'Rahimi', 'Al-Rashid',
    ],
    fitzpatrick: [1, 8, 40, 40, 9, 2],
  },
];

/** Names people often go by instead of the one on their record. */
export const PREFERRED_NAMES: Readonly<Record<string, readonly string[]>> = {
  Elizabeth: ['Liz', 'Beth', 'Lizzie'],
  Katherine: ['Kate', 'Kat', 'Katie'],
  Rebecca: ['Becky', 'Bex'],
  Jennifer: ['Jen', 'Jenny'],
  Margaret: ['Maggie', 'Peggy'],
  Victoria: ['Vicky', 'Tori'],
  Abigail: ['Abi', 'Abby'],
  Natalie: ['Nat'],
  Eleanor: ['Ellie', 'Nell'],
  Florence: ['Flo'],
  Harriet: ['Hattie'],
  Samantha: ['Sam'],
  Stephanie: ['Steph'],
  Georgina: ['Georgie'],
  Bethany: ['Beth'],
  Penelope: ['Penny'],
  Beatrice: ['Bea'],
  Alexander: ['Alex', 'Xander'],
  Benjamin: ['Ben'],
  Christopher: ['Chris'],
  William: ['Will', 'Bill'],
  Thomas: ['Tom'],
  Matthew: ['Matt'],
  Daniel: ['Dan', 'Danny'],
  Samuel: ['Sam'],
  Joshua: ['Josh'],
  Edward: ['Ed', 'Ted'],
  Dominic: ['Dom'],
  Siobhán: ['Shiv'],
  Catriona: ['Cat'],
  Oluwaseun: ['Seun'],
  Olusegun: ['Segun'],
  Babajide: ['Jide'],
  Chiamaka: ['Amaka'],
  Adaeze: ['Ada'],
  Tiwalade: ['Tiwa'],
  Chidinma: ['Dinma'],
  Małgorzata: ['Gosia'],
  Katarzyna: ['Kasia'],
  Agnieszka: ['Aga'],
  Nikolaos: ['Nikos'],
  Francesca: ['Frankie'],
  Giovanni: ['Gianni'],
  Javier: ['Javi'],
  Xinyi: ['Cindy'],
  'Ji-woo': ['Jenny'],
  Wei: ['David'],
  Hiroshi: ['Hiro'],
  'Min-jun': ['Min'],
  Harpreet: ['Preet'],
  Jaspreet: ['Jas'],
  Vikram: ['Vik'],
  Mehmet: ['Memo'],
};

/** Real towns with their postcode area and how many districts it has (LS1-LS29), so postcodes look right. */
export const TOWNS: readonly { city: string; region: string; area: string; districts: number; weight: number }[] = [
  { city: 'London', region: 'Greater London', area: 'SW', districts: 20, weight: 10 },
  { city: 'London', region: 'Greater London', area: 'N', districts: 22, weight: 6 },
  { city: 'London', region: 'Greater London', area: 'SE', districts: 28, weight: 6 },
  { city: 'Leeds', region: 'West Yorkshire', area: 'LS', districts: 29, weight: 6 },
  { city: 'Harrogate', region: 'North Yorkshire', area: 'HG', districts: 5, weight: 3 },
  { city: 'York', region: 'North Yorkshire', area: 'YO', districts: 32, weight: 3 },
  { city: 'Sheffield', region: 'South Yorkshire', area: 'S', districts: 36, weight: 4 },
  { city: 'Manchester', region: 'Greater Manchester', area: 'M', districts: 40, weight: 6 },
  { city: 'Stockport', region: 'Greater Manchester', area: 'SK', districts: 17, weight: 3 },
  { city: 'Bristol', region: 'Bristol', area: 'BS', districts: 16, weight: 5 },
  { city: 'Bath', region: 'Somerset', area: 'BA', districts: 16, weight: 2 },
  { city: 'Cheltenham', region: 'Gloucestershire', area: 'GL', districts: 20, weight: 2 },
  { city: 'Oxford', region: 'Oxfordshire', area: 'OX', districts: 18, weight: 2 },
  { city: 'Reading', region: 'Berkshire', area: 'RG', districts: 31, weight: 2 },
  { city: 'Brighton', region: 'East Sussex', area: 'BN', districts: 27, weight: 3 },
  { city: 'Guildford', region: 'Surrey', area: 'GU', districts: 34, weight: 2 },
  { city: 'Birmingham', region: 'West Midlands', area: 'B', districts: 40, weight: 5 },
  { city: 'Nottingham', region: 'Nottinghamshire', area: 'NG', districts: 25, weight: 3 },
  { city: 'Leicester', region: 'Leicestershire', area: 'LE', districts: 19, weight: 3 },
  { city: 'Norwich', region: 'Norfolk', area: 'NR', districts: 30, weight: 2 },
  { city: 'Cambridge', region: 'Cambridgeshire', area: 'CB', districts: 25, weight: 2 },
  { city: 'Exeter', region: 'Devon', area: 'EX', districts: 39, weight: 2 },
  { city: 'Truro', region: 'Cornwall', area: 'TR', districts: 27, weight: 1 },
  { city: 'Cardiff', region: 'Cardiff', area: 'CF', districts: 24, weight: 3 },
  { city: 'Swansea', region: 'Swansea', area: 'SA', districts: 20, weight: 1 },
  { city: 'Edinburgh', region: 'City of Edinburgh', area: 'EH', districts: 17, weight: 3 },
  { city: 'Glasgow', region: 'Glasgow City', area: 'G', districts: 46, weight: 3 },
  { city: 'Aberdeen', region: 'Aberdeen City', area: 'AB', districts: 25, weight: 1 },
  { city: 'Belfast', region: 'County Antrim', area: 'BT', districts: 17, weight: 2 },
  { city: 'Newcastle upon Tyne', region: 'Tyne and Wear', area: 'NE', districts: 40, weight: 3 },
  { city: 'Liverpool', region: 'Merseyside', area: 'L', districts: 40, weight: 3 },
  { city: 'Chester', region: 'Cheshire', area: 'CH', districts: 4, weight: 1 },
  { city: 'Canterbury', region: 'Kent', area: 'CT', districts: 21, weight: 1 },
  { city: 'Tunbridge Wells', region: 'Kent', area: 'TN', districts: 40, weight: 1 },
  { city: 'Milton Keynes', region: 'Buckinghamshire', area: 'MK', districts: 19, weight: 2 },
  { city: 'St Albans', region: 'Hertfordshire', area: 'AL', districts: 10, weight: 1 },
  { city: 'Lancaster', region: 'Lancashire', area: 'LA', districts: 23, weight: 1 },
  { city: 'Durham', region: 'County Durham', area: 'DH', districts: 9, weight: 1 },
];

/** Invented street names: pleasant-sounding words that make ordinary British addresses. */
export const STREET_WORDS = [
  'Acacia', 'Larkspur', 'Meadowsweet', 'Foxglove', 'Hawthorn', 'Kingfisher', 'Wren', 'Bramble', 'Juniper',
  'Orchard', 'Millbrook', 'Ashdown', 'Beechcroft', 'Cherrytree', 'Elmhurst', 'Fernlea', 'Glebe', 'Heathfield',
  'Ivydene', 'Lavender', 'Marigold', 'Nightingale', 'Oakwood', 'Primrose', 'Quarry', 'Rowan', 'Sycamore',
  'Thistle', 'Upland', 'Willowbank', 'Yarrow', 'Birchfield', 'Cornflower', 'Dovecote', 'Kestrel', 'Lapwing',
  'Mulberry', 'Pennyroyal', 'Saffron', 'Teasel', 'Chalkpit', 'Ropewalk', 'Tannery', 'Weavers', 'Coldharbour',
] as const;

export const STREET_SUFFIXES = [
  'Road', 'Road', 'Road', 'Street', 'Street', 'Lane', 'Avenue', 'Close', 'Crescent', 'Drive', 'Gardens',
  'Grove', 'Mews', 'Place', 'Terrace', 'Way', 'Walk', 'Rise', 'View',
] as const;

export const BUILDING_NAMES = ['Court', 'House', 'Lodge', 'Mansions', 'Point', 'Wharf'] as const;

/** Ofcom numbers reserved for drama: 07700 900000-900999 (mobile) and these landline blocks. */
export const LANDLINE_FORMATS = [
  'xxxx 496 0###',
  '020 7946 0###',
  '028 9649 6###',
  '029 2018 0###',
  '01632 960###',
] as const;
export const DRAMA_LANDLINE_AREAS = ['0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161', '0191'];

export const EMERGENCY_RELATIONSHIPS: readonly (readonly [string, number])[] = [
  ['Partner', 20],
  ['Husband', 12],
  ['Wife', 8],
  ['Mother', 16],
  ['Father', 6],
  ['Sister', 10],
  ['Brother', 5],
  ['Friend', 12],
  ['Daughter', 5],
  ['Son', 3],
  ['Flatmate', 2],
  ['Aunt', 1],
];

export const ALLERGIES = [
  'Penicillin (rash)',
  'Latex',
  'Nickel: earrings cause a rash',
  'Elastoplast adhesive',
  'Lidocaine: itching after numbing cream',
  'Tree nuts',
  'Peanuts (carries an EpiPen)',
  'Fragranced products',
  'Hay fever (seasonal)',
  'Codeine (nausea)',
  'Chlorhexidine',
  'Hyaluronic acid serum: redness',
  'Aspirin',
  'Shellfish',
] as const;

export const MEDICATIONS = [
  'Levothyroxine 50 mcg daily',
  'Combined oral contraceptive',
  'Sertraline 50 mg',
  'Cetirizine as needed',
  'Metformin 500 mg twice daily',
  'Salbutamol inhaler as needed',
  'Propranolol 10 mg as needed',
  'Vitamin D 1000 IU',
  'Lansoprazole 15 mg',
  'Fluoxetine 20 mg',
  'HRT patch',
  'Adapalene gel (topical), stopped one week before treatment',
  'Iron supplement',
  'Amlodipine 5 mg',
  'Spironolactone 50 mg',
] as const;

export const CLIENT_NOTES = [
  'Prefers morning appointments.',
  'Referred by a friend.',
  'Nervous about needles; talk through each step.',
  'Prefers text reminders over email.',
  'Works shifts; books at short notice.',
  'Parking permit needed for the side street.',
  'Interested in a course of three sessions.',
  'Sensitive to the smell of numbing cream; use the unscented one.',
  'Would like progress photos at every visit.',
  'Came in after seeing the clinic on social media.',
  'Has a wedding in the spring; plan sessions around it.',
  'Uses a wheelchair; book the ground-floor room.',
  'Prefers a female practitioner.',
  'Speaks Polish at home; happy in English.',
  'Previously treated at another clinic; bring records next visit.',
  'Asked for a quote for the full-face package.',
] as const;
