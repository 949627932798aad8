# Generates exotrace-app/src/main/resources/account/common-passwords.txt: python3 docs/tools/common-passwords.py exotrace-app/src/main/resources/account/common-passwords.txt
base = """
password passw0rd p@ssword p@ssw0rd pass letmein welcome welcome1 admin administrator root toor login master
qwerty qwertyuiop qwerty123 asdf asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qweasd 1qaz2wsx 1q2w3e4r 1q2w3e 1q2w3e4r5t
abc123 abcd1234 abcdef abcdefg abcdefgh a1b2c3 a1b2c3d4 aa123456 aaa111 iloveyou iloveu trustno1 sunshine princess
dragon monkey football baseball basketball soccer hockey tennis golf shadow superman batman spiderman pokemon
starwars jordan jordan23 michael jennifer hunter ranger buster thomas robert daniel charlie andrew joshua matthew
jessica ashley amanda michelle nicole hannah taylor maggie ginger pepper cookie chocolate cheese banana orange apple
summer winter autumn spring flower freedom whatever nothing secret secret1 hello hello123 hellokitty lovely loveme
love lover mustang ferrari porsche harley yamaha corvette mercedes killer tigger tiger lion eagle falcon dolphin
computer internet google facebook youtube twitter linkedin microsoft windows apple123 samsung nokia android iphone
cheese123 purple yellow silver golden diamond snoopy mickey minnie disney barbie angel angels heaven jesus christ
blessed faith hope church family friends friend bailey buddy rocky maverick merlin cowboy cowboys steelers yankees
lakers chelsea arsenal liverpool barcelona madrid juventus manchester united london paris berlin newyork chicago
boston dallas texas florida california america canada mexico brazil germany france england india china japan
money dollars bitcoin crypto business company office manager sales support service server database oracle mysql
test test123 tester testing demo sample example changeme changeit default guest user user123 username letmein1
access access14 master123 super supervisor system sysadmin webmaster secure security private personal
welcome123 passport password1 password12 password123 password1234 qwerty1 qwerty12 qwertz azerty 123qwe 123abc
zaq12wsx zaq1xsw2 !qaz2wsx qwe123 asd123 zxc123 qwer1234 asdf1234 zxcv1234 q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6
starwars1 pokemon1 naruto sasuke goku dragonball onepiece minecraft fortnite roblox gaming gamer warcraft
matrix neo morpheus gandalf frodo hobbit sauron voldemort hermione potter harry harrypotter hogwarts
jasmine daisy rose lily sophie olivia emma chloe charlotte amelia isabella mia ava grace ella lucy
william james john david richard joseph charles christopher mark paul steven kevin brian george edward
anthony donald kenneth ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
justin scott brandon benjamin samuel frank gregory alexander patrick raymond jack dennis jerry tyler aaron
maria mary patricia linda barbara elizabeth susan sarah karen nancy lisa betty margaret sandra dorothy
kimberly emily donna carol ruth sharon laura cynthia amy angela helen anna brenda pamela katherine
nathan zachary adam kyle ethan noah liam lucas mason logan oliver aiden elijah carter jayden
sweety sweetheart sweetie honey baby babygirl babyboy kitty kitten puppy doggy doggie fluffy muffin
cupcake butterfly rainbow unicorn sparkle twinkle bubbles peaches cherry strawberry blueberry
qwerty1234 1qazxsw2 1qaz!qaz 2wsx3edc 3edc4rfv
letmein123 welcome2 trustme believe forever together always ilovemom ilovedad iloveyou1 iloveyou2
mother father sister brother daughter husband wife married wedding
nirvana metallica slipknot eminem beatles elvis marley rockstar rocknroll music guitar piano drums
kawasaki suzuki honda toyota nissan bmw audi volkswagen chevrolet ford jeep tesla
coffee pizza pasta sushi burger beer vodka whisky tequila
soleil bonjour amour motdepasse contrasena hallo passwort schatz liebe
exotrace exosome exosomes vesicle vesicles skincare dermis donor laboratory
""".split()
# Well-known number strings and keyboard walks, from the top of every published frequency ranking.
numbers = """
123456 1234567 12345678 123456789 1234567890 0123456789 0987654321 9876543210 987654321 87654321
111111 1111111 11111111 111111111 1111111111 000000 0000000 00000000 0000000000 123123 123123123
121212 112233 123321 654321 666666 696969 777777 7777777 888888 999999 5555555 123654 147258369
159753 159357 147258 258369 753951 789456 789456123 456789 741852963 963852741 1231234 12341234
11223344 1122334455 123456a 123456q 12345qwert 1234qwer 123qweasd 123qweasdzxc 1qazxsw23edc
""".split()
years = [str(y) for y in range(1950, 2031)]
suffixes = ["", "1", "12", "123", "1234", "12345", "!", "1!", "123!", "01", "69", "2"]
out = set()
for w in base:
    for s in suffixes:
        out.add(w + s)
    out.add(w.capitalize() + "1")
    out.add(w.capitalize() + "123")
    out.add(w.capitalize() + "!")
    out.add(w.capitalize() + "1!")
    out.add(w + w)
    out.add("my" + w)
    out.add("ilove" + w)
    for y in ("1990", "2000", "2020", "2025", "2026"):
        out.add(w + y)
    for y in ("2024", "2025", "2026"):
        out.add(w.capitalize() + y)
        out.add(w.capitalize() + y + "!")
    leet = w.replace("a", "@").replace("o", "0").replace("e", "3").replace("i", "1").replace("s", "$")
    if leet != w:
        out.add(leet)
        out.add(leet + "1")
        out.add(leet + "123")
for n in numbers:
    out.add(n)
for y in years:
    out.add(y)
    out.add(y + y)
# Keyboard walks and single-run sequences of the length Exotrace requires.
for walk in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "qwertzuiop", "azertyuiop", "abcdefghij", "abcdefghijklmnopqrstuvwxyz"]:
    for n in range(6, len(walk) + 1):
        out.add(walk[:n])
        out.add(walk[:n][::-1])
out = sorted(set(p.lower() for p in out if 6 <= len(p) <= 64 and not p.startswith("#")))
header = """# Common passwords refused by Exotrace's password policy (NIST SP 800-63B 5.1.1.2: "passwords obtained
# from previous breach corpuses" and "dictionary words"). Compared without regard to case.
# Provenance: written for Exotrace from public knowledge, not downloaded: a hand-typed list of the
# words, names, number runs and keyboard walks that head every published ranking of leaked passwords
# (e.g. 123456, password, qwerty, iloveyou, dragon, monkey, football), each with the usual variants
# (digits and years appended, a capital first letter, '!' at the end, leet-speak, doubled), plus the
# product's own words (exotrace, exosome). Generated by docs/tools/common-passwords.py (edit the words there).
# One password a line; lines starting with '#' are comments.
"""
import sys
open(sys.argv[1], "w").write(header + "\n".join(out) + "\n")
print(len(out))
