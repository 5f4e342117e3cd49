/// Made-up but plausible British names and places. Names are combined at random, so any
/// resemblance to a real person or business is coincidental; no list entry is a real person.
enum NamePools {
    /// First names typical of UK teenagers born 2008–2013.
    static let studentFirstNames = [
        "Oliver", "Harry", "Jack", "Charlie", "George", "Alfie", "Noah", "Leo", "Freddie", "Archie",
        "Theo", "Oscar", "Jacob", "Isaac", "Henry", "Finley", "Mason", "Logan", "Riley", "Ethan",
        "Max", "Lucas", "Tommy", "Reggie", "Ollie", "Kai", "Jayden", "Dylan", "Callum", "Tyler",
        "Kieran", "Ryan", "Aaron", "Bradley", "Connor", "Liam", "Owen", "Rhys", "Zac", "Jake",
        "Harvey", "Louie", "Ronnie", "Stanley", "Arthur", "Albie", "Teddy", "Frankie", "Sonny", "Elliot",
        "Toby", "Sam", "Ben", "Joe", "Adam", "Mohammed", "Yusuf", "Ibrahim", "Arjun", "Ravi",
        "Kacper", "Jakub", "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella",
        "Rosie", "Sophia", "Grace", "Freya", "Poppy", "Evie", "Ella", "Daisy", "Florence", "Millie",
        "Willow", "Phoebe", "Ruby", "Evelyn", "Sienna", "Maisie", "Erin", "Holly", "Jessica", "Chloe",
        "Megan", "Lucy", "Emily", "Niamh", "Keira", "Leah", "Abigail", "Scarlett", "Eva", "Layla",
        "Zara", "Amira", "Aisha", "Maya", "Priya", "Hannah", "Bethany", "Lexi", "Tilly", "Harriet",
        "Imogen", "Matilda", "Summer", "Macie", "Amber", "Paige", "Courtney", "Darcey", "Nell", "Orla",
    ]

    /// First names typical of UK adults (teaching assistants and escort staff).
    static let staffFirstNames = [
        "Karen", "Sarah", "Michelle", "Claire", "Joanne", "Nicola", "Lisa", "Helen", "Emma", "Rachel",
        "Donna", "Tracey", "Julie", "Alison", "Kerry", "Samantha", "Louise", "Gemma", "Kirsty", "Hayley",
        "Dawn", "Angela", "Beverley", "Jackie", "Fiona", "Lorraine", "Paula", "Wendy", "Sue", "Denise",
        "Gary", "Paul", "Mark", "Darren", "Lee", "Stuart", "Craig", "Wayne", "Neil", "Dean",
        "Shaun", "Martin", "Simon", "Andy", "Steve", "Dave", "Kevin", "Graham", "Jason", "Ian",
        "Nadia", "Shabnam", "Parveen", "Agnieszka", "Marta", "Femi", "Blessing", "Grainne", "Siobhan", "Rhian",
    ]

    /// Common British surnames, plus a good number of old Kent and Sussex family names.
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Cox", "Ward",
        "Hughes", "Turner", "Harris", "Martin", "Cooper", "Hill", "Morris", "Moore", "Lee", "King",
        "Baker", "Harrison", "Morgan", "Allen", "Young", "Scott", "Edwards", "Bennett", "Carter", "Shaw",
        "Parker", "Price", "Bailey", "Bell", "Murphy", "Kelly", "Collins", "Cook", "Graham", "Marshall",
        "Ellis", "Chapman", "Webb", "Mills", "Knight", "Barnes", "Fisher", "Holmes", "Lloyd", "Gray",
        "Hunt", "Palmer", "Stevens", "Russell", "Dixon", "Ford", "Pearce", "Fletcher", "Hudson", "Rogers",
        "Butler", "Simpson", "Reid", "Hayes", "Burton", "Newman", "Hammond", "Bird", "Fuller", "Godden",
        "Pilbeam", "Wickens", "Ashdown", "Tompsett", "Hoad", "Ovenden", "Gurr", "Crouch", "Dunk", "Kemp",
        "Relf", "Weller", "Sands", "Boorman", "Pett", "Beal", "Goldsmith", "O'Brien", "D'Souza", "Nowak",
        "Okafor", "Begum", "Hussain", "Ahmed", "Singh", "Kowalski", "Mensah", "Gallagher", "Doyle", "Quinn",
    ]

    /// Invented farm and estate style place names ("Bore Place" style).
    static let places = [
        "Hollow Lane", "Court Lodge", "Oast Barn", "Pennyfold", "Brambledown", "Starvecrow", "Little Mote",
        "Hazelwick", "Fairlawn", "Old Hatch", "Cobbs Hill", "Puttenden", "Bayleaf", "Furnace Pond",
        "Chalket", "Moat Wood", "Stonewall", "Oakridge", "Broomfield", "Hop Pocket", "Ashgrove",
        "Larkhill", "Fenbrook", "Coldharbour", "Foxbury", "Hartswood", "Meadowcroft", "Kettle Barn",
        "Pound Green", "Withy Bed", "Tanyard", "Sheepwash", "Cinderhill", "Nightingale", "Quarry Hill",
        "Bluebell Wood", "Gallows Corner", "Rookery", "Priory Mead", "Swallowfield", "Beech Hanger",
        "Mill Pond", "Orchard End", "Crabtree", "Hatch Gate", "Pippin Hill", "Long Barn", "Dene Park",
        "Weavers", "Cherry Tree", "Kiln Field", "Marlpit", "Greensand", "Heathside", "Parsonage",
        "Rushmere", "Sandpit", "Twitton", "Yewtree", "Hurst", "Windmill Hill", "Watersmeet",
    ]

    /// Towns and villages in and around West Kent with approximate coordinates; a host is
    /// named after the town nearest to where it was placed.
    static let towns: [(name: String, latitude: Double, longitude: Double)] = [
        ("Sevenoaks", 51.272, 0.190), ("Tonbridge", 51.195, 0.275), ("Edenbridge", 51.197, 0.065),
        ("Westerham", 51.266, 0.072), ("Otford", 51.313, 0.190), ("Borough Green", 51.291, 0.306),
        ("Hildenborough", 51.214, 0.237), ("Penshurst", 51.173, 0.183), ("Kemsing", 51.297, 0.230),
        ("Swanley", 51.397, 0.173), ("West Malling", 51.293, 0.409), ("Paddock Wood", 51.182, 0.390),
        ("Southborough", 51.159, 0.255), ("Dunton Green", 51.296, 0.172), ("Riverhead", 51.283, 0.170),
        ("Ightham", 51.285, 0.283), ("Shoreham", 51.333, 0.180), ("Eynsford", 51.367, 0.213),
        ("Hadlow", 51.223, 0.339), ("Leigh", 51.196, 0.214), ("Brasted", 51.277, 0.108),
        ("Sundridge", 51.283, 0.125), ("Seal", 51.290, 0.220), ("Wrotham", 51.308, 0.309),
        ("Kings Hill", 51.272, 0.400), ("East Peckham", 51.218, 0.384), ("Hextable", 51.410, 0.180),
        ("Farningham", 51.378, 0.221), ("Tatsfield", 51.295, 0.034), ("Tunbridge Wells", 51.132, 0.263),
        ("Oxted", 51.257, -0.003), ("Crowborough", 51.060, 0.163), ("Maidstone", 51.272, 0.522),
        ("Dartford", 51.446, 0.218), ("Lingfield", 51.176, -0.014), ("Orpington", 51.375, 0.098),
        ("Biggin Hill", 51.313, 0.035), ("Snodland", 51.330, 0.445), ("Aylesford", 51.302, 0.478),
        ("Hartfield", 51.101, 0.111), ("Marden", 51.175, 0.493), ("Groombridge", 51.113, 0.185),
    ]

    /// The name of the town nearest to a point (flat-earth distance is plenty at this scale).
    static func nearestTown(latitude: Double, longitude: Double) -> String {
        var best = towns[0].name
        var bestDistance = Double.infinity
        for town in towns {
            let dLat = town.latitude - latitude
            let dLon = (town.longitude - longitude) * 0.625   // cos(51.3°)
            let distance = dLat * dLat + dLon * dLon
            if distance < bestDistance { bestDistance = distance; best = town.name }
        }
        return best
    }

    static let cafeAdjectives = ["Copper", "Blue", "Little", "Old", "Green", "Crooked", "Hungry", "Sunny", "Busy", "Red"]
    static let cafeNouns = ["Kettle", "Teapot", "Door", "Bee", "Acorn", "Lantern", "Spoon", "Robin", "Bramble", "Wren"]
    static let charities = [
        "Oakhurst Hospice", "Little Paws Rescue", "Weald Sight Trust", "Second Chances", "Heartbeat Kent",
        "Riverside Children's Trust", "Homeward Shelter", "Greenleaf Cancer Care", "Open Arms", "Kindred Hearts",
    ]
    static let supermarkets = ["FreshWay", "Harvest Foods", "Greens Local", "ValuMart", "Basket & Co"]
    static let careHomeSuffixes = ["House Care Home", "Lodge Residential Home", "Court Nursing Home", "Grange Care Centre"]

    /// Sites of the (invented) Hollybank School, around Sevenoaks and Tonbridge.
    static let sites: [(id: String, name: String, latitude: Double, longitude: Double)] = [
        ("main", "Hollybank School Main Site", 51.27900, 0.19300),
        ("weald", "Hollybank Weald Campus", 51.20100, 0.27500),
        ("sixth-form", "Hollybank Sixth Form Centre", 51.31200, 0.24500),
        ("westerham", "Hollybank Westerham Annexe", 51.26500, 0.10500),
        ("edenbridge", "Hollybank Edenbridge Base", 51.21500, 0.12500),
        ("borough-green", "Hollybank Borough Green Unit", 51.29000, 0.30500),
        ("hildenborough", "Hollybank Hildenborough Centre", 51.21500, 0.23500),
        ("west-malling", "Hollybank West Malling Hub", 51.29500, 0.39500),
        ("swanley", "Hollybank Swanley Base", 51.34500, 0.17000),
        ("paddock-wood", "Hollybank Paddock Wood Centre", 51.20500, 0.39000),
    ]
}
